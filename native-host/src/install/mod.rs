//! `hush-host install` / `uninstall`: registering the host with each browser. The installer maps
//! a browser and a platform ([`layout`]) to the steps that register it: a manifest generated from
//! the templates in `manifests/native-host/`, and on Windows a registry key that points to it.
//! Steps are planned first and then applied, so `--dry-run` prints exactly what would be done
//! and tests check plans for platforms they do not run on.

pub mod layout;

use std::fmt;
use std::path::{Path, PathBuf};

pub use layout::{Browser, Platform, Roots};

use crate::identity::{CHROMIUM_ORIGIN, FIREFOX_EXTENSION_ID, HOST_NAME};

const CHROMIUM_TEMPLATE: &str = include_str!("../../../manifests/native-host/chromium.json");
const FIREFOX_TEMPLATE: &str = include_str!("../../../manifests/native-host/firefox.json");

/// What can go wrong registering.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// The host binary's path cannot go into a JSON manifest.
    #[error("the host binary's path is not valid UTF-8: {0}")]
    HostPath(PathBuf),
    /// `--user-data-dir` was given for a browser or platform that does not read it.
    #[error("{0}")]
    Unsupported(String),
    /// A file could not be written or removed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The registry could not be changed.
    #[error("cannot change the registry key {key}: {reason}")]
    Registry {
        /// The key.
        key: String,
        /// Why.
        reason: String,
    },
}

/// One thing the installer does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Write a manifest.
    WriteFile {
        /// The browser it is for.
        browser: Browser,
        /// Where.
        path: PathBuf,
        /// The manifest.
        contents: String,
    },
    /// Remove a manifest (nothing to do if it is not there).
    RemoveFile {
        /// The browser it was for.
        browser: Browser,
        /// Where.
        path: PathBuf,
    },
    /// Set a registry key's default value (Windows).
    SetRegistryKey {
        /// The browser it is for.
        browser: Browser,
        /// The key, from `HKCU\`.
        key: String,
        /// The manifest's path.
        value: String,
    },
    /// Delete a registry key (Windows).
    DeleteRegistryKey {
        /// The browser it was for.
        browser: Browser,
        /// The key, from `HKCU\`.
        key: String,
    },
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::WriteFile { browser, path, contents } => {
                write!(f, "{}: write {}\n{contents}", browser.name(), path.display())
            }
            Step::RemoveFile { browser, path } => write!(f, "{}: remove {}", browser.name(), path.display()),
            Step::SetRegistryKey { browser, key, value } => {
                write!(f, "{}: set registry key {key} (default value) = {value}", browser.name())
            }
            Step::DeleteRegistryKey { browser, key } => write!(f, "{}: delete registry key {key}", browser.name()),
        }
    }
}

/// Where to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The platform's layout.
    pub platform: Platform,
    /// The user's folders.
    pub roots: Roots,
    /// A Chromium profile started with `--user-data-dir`, instead of the browser's usual place.
    pub user_data_dir: Option<PathBuf>,
}

/// The manifest for `browser` naming `host` as the program to start.
///
/// # Errors
/// [`InstallError::HostPath`] when `host` is not UTF-8.
pub fn render_manifest(browser: Browser, host: &Path) -> Result<String, InstallError> {
    let path = host.to_str().ok_or_else(|| InstallError::HostPath(host.to_path_buf()))?;
    let template = if browser.is_chromium_family() { CHROMIUM_TEMPLATE } else { FIREFOX_TEMPLATE };
    Ok(template.replace("\"{{HOST_PATH}}\"", &serde_json::Value::from(path).to_string()))
}

fn manifest_path(target: &Target, browser: Browser) -> Result<PathBuf, InstallError> {
    match &target.user_data_dir {
        None => Ok(layout::manifest_path(target.platform, browser, &target.roots)),
        Some(_) if !browser.is_chromium_family() => {
            Err(InstallError::Unsupported("--user-data-dir applies to Chromium-family browsers only".into()))
        }
        Some(_) if target.platform == Platform::Windows => Err(InstallError::Unsupported(
            "--user-data-dir does not apply on Windows, where browsers find hosts through the registry".into(),
        )),
        Some(dir) => Ok(layout::user_data_dir_manifest(dir)),
    }
}

/// The steps that register `host` with `browsers`.
///
/// # Errors
/// [`InstallError`] for an unsupported combination or a host path that is not UTF-8.
pub fn install_plan(target: &Target, browsers: &[Browser], host: &Path) -> Result<Vec<Step>, InstallError> {
    let mut steps = Vec::new();
    for &browser in browsers {
        let path = manifest_path(target, browser)?;
        let contents = render_manifest(browser, host)?;
        steps.push(Step::WriteFile { browser, path: path.clone(), contents });
        if target.platform == Platform::Windows {
            steps.push(Step::SetRegistryKey {
                browser,
                key: layout::registry_key(browser),
                value: path.display().to_string(),
            });
        }
    }
    Ok(steps)
}

/// The steps that undo [`install_plan`].
///
/// # Errors
/// [`InstallError::Unsupported`] for an unsupported combination.
pub fn uninstall_plan(target: &Target, browsers: &[Browser]) -> Result<Vec<Step>, InstallError> {
    let mut steps = Vec::new();
    for &browser in browsers {
        if target.platform == Platform::Windows {
            steps.push(Step::DeleteRegistryKey { browser, key: layout::registry_key(browser) });
        }
        steps.push(Step::RemoveFile { browser, path: manifest_path(target, browser)? });
    }
    Ok(steps)
}

/// Carries out the steps, in order.
///
/// # Errors
/// [`InstallError`] at the first step that fails; earlier steps stay done.
pub fn apply(steps: &[Step]) -> Result<(), InstallError> {
    for step in steps {
        match step {
            Step::WriteFile { path, contents, .. } => {
                let io = |action, source| InstallError::Io { action, path: path.clone(), source };
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| io("create the folder of", e))?;
                }
                std::fs::write(path, contents).map_err(|e| io("write", e))?;
            }
            Step::RemoveFile { path, .. } => match std::fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(InstallError::Io { action: "remove", path: path.clone(), source: e }),
            },
            Step::SetRegistryKey { key, value, .. } => {
                reg(key, &["add", key, "/ve", "/t", "REG_SZ", "/d", value, "/f"])?;
            }
            Step::DeleteRegistryKey { key, .. } => {
                // `reg delete` fails when the key is not there, which is what uninstalling wants.
                if reg_query(key).is_some() {
                    reg(key, &["delete", key, "/f"])?;
                }
            }
        }
    }
    Ok(())
}

/// Runs `reg.exe`, Windows' own registry tool, so the host needs no Windows-only dependency.
fn reg(key: &str, args: &[&str]) -> Result<(), InstallError> {
    let registry_error = |reason: String| InstallError::Registry { key: key.into(), reason };
    if Platform::current() != Platform::Windows {
        return Err(registry_error("the registry exists on Windows only; use --dry-run to see the plan".into()));
    }
    let output = std::process::Command::new("reg").args(args).output().map_err(|e| registry_error(e.to_string()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(registry_error(String::from_utf8_lossy(&output.stderr).trim().to_string()))
    }
}

/// The default value of a registry key, if the key exists (always `None` off Windows).
pub fn reg_query(key: &str) -> Option<String> {
    if Platform::current() != Platform::Windows {
        return None;
    }
    let output = std::process::Command::new("reg").args(["query", key, "/ve"]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines().find_map(|line| line.split_once("REG_SZ").map(|(_, value)| value.trim().to_string()))
}

/// Whether a browser is registered, as `doctor` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    /// Registered, for this binary.
    Registered {
        /// The manifest.
        manifest: PathBuf,
    },
    /// Registered for another hush-host binary that exists (a release build and a debug build,
    /// say).
    OtherBinary {
        /// The manifest.
        manifest: PathBuf,
        /// The binary it starts.
        program: PathBuf,
    },
    /// Not registered.
    Missing,
    /// Registered, but not in a way that works.
    Broken {
        /// The manifest.
        manifest: PathBuf,
        /// What is wrong.
        problem: String,
    },
}

/// Checks `browser`'s registration against `host`.
pub fn inspect(target: &Target, browser: Browser, host: &Path) -> Registration {
    let manifest = match manifest_path(target, browser) {
        Ok(path) => path,
        Err(e) => return Registration::Broken { manifest: PathBuf::new(), problem: e.to_string() },
    };
    if target.platform == Platform::Windows && Platform::current() == Platform::Windows {
        match reg_query(&layout::registry_key(browser)) {
            None => return Registration::Missing,
            Some(value) if Path::new(&value) != manifest => {
                return Registration::Broken { manifest, problem: format!("the registry points to {value}") };
            }
            Some(_) => {}
        }
    }
    let text = match std::fs::read_to_string(&manifest) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Registration::Missing,
        Err(e) => return Registration::Broken { manifest, problem: e.to_string() },
    };
    let broken = |problem: String| Registration::Broken { manifest: manifest.clone(), problem };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return broken("the manifest is not valid JSON".into());
    };
    let (list, caller) = if browser.is_chromium_family() {
        ("allowed_origins", CHROMIUM_ORIGIN)
    } else {
        ("allowed_extensions", FIREFOX_EXTENSION_ID)
    };
    if json["name"] != HOST_NAME {
        return broken(format!("the manifest does not name {HOST_NAME}"));
    }
    if !json[list].as_array().is_some_and(|callers| callers.iter().any(|c| c == caller)) {
        return broken(format!("the manifest's {list} does not name the Hush extension"));
    }
    match json["path"].as_str() {
        Some(path) if Path::new(path) == host => Registration::Registered { manifest },
        Some(path) if !Path::new(path).exists() => broken(format!("it starts {path}, which does not exist")),
        Some(path) => Registration::OtherBinary { manifest, program: PathBuf::from(path) },
        None => broken("the manifest has no path".into()),
    }
}

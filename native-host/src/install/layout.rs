//! Where each browser looks for a native messaging host on each platform, per user.
//! Chromium-family browsers and Firefox read a manifest file from a folder on Linux and macOS; on
//! Windows they read the manifest's path from a registry key.

use std::path::{Path, PathBuf};

use crate::identity::HOST_NAME;

/// An operating system's layout. Tests lay out one platform on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Platform {
    /// Linux (and the BSDs), XDG folders.
    Linux,
    /// macOS.
    Macos,
    /// Windows.
    Windows,
}

impl Platform {
    /// The platform this binary runs on.
    pub fn current() -> Platform {
        if cfg!(target_os = "macos") {
            Platform::Macos
        } else if cfg!(windows) {
            Platform::Windows
        } else {
            Platform::Linux
        }
    }
}

/// A browser the host can be registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Browser {
    /// Google Chrome.
    Chrome,
    /// Chromium.
    Chromium,
    /// Microsoft Edge.
    Edge,
    /// Brave.
    Brave,
    /// Vivaldi.
    Vivaldi,
    /// Mozilla Firefox.
    Firefox,
}

impl Browser {
    /// Every supported browser.
    pub const ALL: [Browser; 6] =
        [Browser::Chrome, Browser::Chromium, Browser::Edge, Browser::Brave, Browser::Vivaldi, Browser::Firefox];

    /// The browser's name as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Chromium => "chromium",
            Browser::Edge => "edge",
            Browser::Brave => "brave",
            Browser::Vivaldi => "vivaldi",
            Browser::Firefox => "firefox",
        }
    }

    /// Whether the browser reads Chromium's manifest (`allowed_origins`) rather than Firefox's.
    pub fn is_chromium_family(self) -> bool {
        self != Browser::Firefox
    }
}

/// The folders a layout is rooted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roots {
    /// The user's home folder.
    pub home: PathBuf,
    /// Windows' `%LOCALAPPDATA%` (unused elsewhere).
    pub local_app_data: PathBuf,
}

impl Roots {
    /// The roots of this user on `platform`: the real ones on the platform this runs on, and
    /// ones made up under the home folder for another (for `--dry-run` and tests).
    pub fn for_user(platform: Platform) -> Option<Roots> {
        let dirs = directories::BaseDirs::new()?;
        let home = dirs.home_dir().to_path_buf();
        let local_app_data = if platform == Platform::current() && platform == Platform::Windows {
            dirs.data_local_dir().to_path_buf()
        } else {
            home.join("AppData").join("Local")
        };
        Some(Roots { home, local_app_data })
    }
}

/// The folder `browser` reads this user's host manifests from on `platform`. On Windows it is a
/// folder of Hush's own, which the registry key points into.
pub fn manifest_dir(platform: Platform, browser: Browser, roots: &Roots) -> PathBuf {
    let relative: &[&str] = match (platform, browser) {
        (Platform::Linux, Browser::Chrome) => &[".config", "google-chrome"],
        (Platform::Linux, Browser::Chromium) => &[".config", "chromium"],
        (Platform::Linux, Browser::Edge) => &[".config", "microsoft-edge"],
        (Platform::Linux, Browser::Brave) => &[".config", "BraveSoftware", "Brave-Browser"],
        (Platform::Linux, Browser::Vivaldi) => &[".config", "vivaldi"],
        (Platform::Linux, Browser::Firefox) => &[".mozilla", "native-messaging-hosts"],
        (Platform::Macos, Browser::Chrome) => &["Library", "Application Support", "Google", "Chrome"],
        (Platform::Macos, Browser::Chromium) => &["Library", "Application Support", "Chromium"],
        (Platform::Macos, Browser::Edge) => &["Library", "Application Support", "Microsoft Edge"],
        (Platform::Macos, Browser::Brave) => &["Library", "Application Support", "BraveSoftware", "Brave-Browser"],
        (Platform::Macos, Browser::Vivaldi) => &["Library", "Application Support", "Vivaldi"],
        (Platform::Macos, Browser::Firefox) => &["Library", "Application Support", "Mozilla", "NativeMessagingHosts"],
        (Platform::Windows, browser) => {
            return roots.local_app_data.join("Hush").join("NativeMessagingHosts").join(browser.name());
        }
    };
    let dir = relative.iter().fold(roots.home.clone(), |dir, part| dir.join(part));
    match browser {
        Browser::Firefox => dir,
        _ => dir.join("NativeMessagingHosts"),
    }
}

/// The manifest file `browser` reads on `platform`.
pub fn manifest_path(platform: Platform, browser: Browser, roots: &Roots) -> PathBuf {
    manifest_dir(platform, browser, roots).join(manifest_file_name())
}

/// `org.hush_guard.host.json`.
pub fn manifest_file_name() -> String {
    format!("{HOST_NAME}.json")
}

/// The manifest in a Chromium profile started with `--user-data-dir=DIR`, which reads
/// `DIR/NativeMessagingHosts` only (seen with Chromium 156 on Linux).
pub fn user_data_dir_manifest(dir: &Path) -> PathBuf {
    dir.join("NativeMessagingHosts").join(manifest_file_name())
}

/// The per-user registry key (under `HKEY_CURRENT_USER`) whose default value is the path of
/// `browser`'s manifest on Windows.
pub fn registry_key(browser: Browser) -> String {
    let vendor = match browser {
        Browser::Chrome => r"Google\Chrome",
        Browser::Chromium => "Chromium",
        Browser::Edge => r"Microsoft\Edge",
        Browser::Brave => r"BraveSoftware\Brave-Browser",
        Browser::Vivaldi => "Vivaldi",
        Browser::Firefox => "Mozilla",
    };
    format!(r"HKCU\Software\{vendor}\NativeMessagingHosts\{HOST_NAME}")
}

//! `hush-host install`: writes the native messaging host manifest where each browser looks.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

/// The native messaging host's name, as the extension calls it.
pub const HOST_NAME: &str = "org.hush_guard.host";

const CHROMIUM_TEMPLATE: &str = include_str!("../../manifests/native-host/chromium.json");
const FIREFOX_TEMPLATE: &str = include_str!("../../manifests/native-host/firefox.json");

/// A browser the host can be registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
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
    /// Where this browser looks for per-user host manifests on Linux, relative to the home folder.
    fn linux_dir(self) -> &'static str {
        match self {
            Browser::Chrome => ".config/google-chrome/NativeMessagingHosts",
            Browser::Chromium => ".config/chromium/NativeMessagingHosts",
            Browser::Edge => ".config/microsoft-edge/NativeMessagingHosts",
            Browser::Brave => ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
            Browser::Vivaldi => ".config/vivaldi/NativeMessagingHosts",
            Browser::Firefox => ".mozilla/native-messaging-hosts",
        }
    }

    fn template(self) -> &'static str {
        match self {
            Browser::Firefox => FIREFOX_TEMPLATE,
            _ => CHROMIUM_TEMPLATE,
        }
    }
}

/// Arguments of `hush-host install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// The browser to register with.
    #[arg(long, value_enum)]
    browser: Browser,
    /// A Chromium-family profile started with `--user-data-dir=DIR`: such a browser reads host
    /// manifests from `DIR/NativeMessagingHosts` only.
    #[arg(long, value_name = "DIR")]
    user_data_dir: Option<PathBuf>,
    /// Print what would be written, and where, without writing it.
    #[arg(long)]
    dry_run: bool,
}

/// Runs `hush-host install`.
pub fn run(args: &InstallArgs) -> anyhow::Result<()> {
    let host = std::env::current_exe().context("cannot tell where this binary is")?;
    let dir = match (&args.user_data_dir, args.browser) {
        (Some(_), Browser::Firefox) => {
            anyhow::bail!("--user-data-dir applies to Chromium-family browsers only")
        }
        (Some(dir), _) => dir.join("NativeMessagingHosts"),
        (None, browser) => home()?.join(browser.linux_dir()),
    };
    let path = dir.join(format!("{HOST_NAME}.json"));
    let manifest = render(args.browser, &host)?;
    if args.dry_run {
        println!("would write {}:\n{manifest}", path.display());
        return Ok(());
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(&path, manifest).with_context(|| format!("cannot write {}", path.display()))?;
    println!("registered {} for {:?}: {}", HOST_NAME, args.browser, path.display());
    Ok(())
}

fn render(browser: Browser, host: &Path) -> anyhow::Result<String> {
    let host = host.to_str().context("the host binary's path is not valid UTF-8")?;
    let escaped = serde_json::to_string(host)?;
    Ok(browser.template().replace("\"{{HOST_PATH}}\"", &escaped))
}

fn home() -> anyhow::Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|dirs| dirs.home_dir().to_path_buf())
        .context("cannot find your home folder; set HOME")
}

//! Who Hush is to the browsers: the host's registered name and the extension's ids. The host
//! manifests (`manifests/native-host/`) name the same callers, and a test checks both against
//! the extension's manifests.

/// The native messaging host's name, as the extension calls it.
pub const HOST_NAME: &str = "org.hush_guard.host";

/// The Chromium extension's id, fixed by the public `key` in `manifests/chromium.json`.
pub const CHROMIUM_EXTENSION_ID: &str = "dckamhmmndbcfolfhmpkfdoiomjlilia";

/// The origin Chromium passes to the host: `chrome-extension://<id>/`.
pub const CHROMIUM_ORIGIN: &str = "chrome-extension://dckamhmmndbcfolfhmpkfdoiomjlilia/";

/// The Firefox extension's id (`browser_specific_settings.gecko.id`).
pub const FIREFOX_EXTENSION_ID: &str = "hush@hush-guard.org";

/// Who started the host, read from its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A Chromium-family browser, for the extension with this origin.
    Chromium {
        /// `chrome-extension://<id>/`.
        origin: String,
    },
    /// Firefox, for the extension with this id, with the manifest it read.
    Firefox {
        /// The extension's id.
        extension_id: String,
    },
}

impl Caller {
    /// Reads the caller from the host's arguments (without the program name), if they are a
    /// browser's: Chromium passes the origin first (and on Windows `--parent-window=N` after
    /// it); Firefox passes the host manifest's path and then the extension's id.
    pub fn from_args(args: &[String]) -> Option<Caller> {
        let first = args.first()?;
        if first.starts_with("chrome-extension://") {
            return Some(Caller::Chromium { origin: first.clone() });
        }
        if first.ends_with(".json") {
            return args.get(1).map(|id| Caller::Firefox { extension_id: id.clone() });
        }
        None
    }

    /// Whether this is the Hush extension.
    pub fn is_hush(&self) -> bool {
        match self {
            Caller::Chromium { origin } => origin == CHROMIUM_ORIGIN,
            Caller::Firefox { extension_id } => extension_id == FIREFOX_EXTENSION_ID,
        }
    }

    /// The caller in words, for the log: the origin or the id (neither is sensitive).
    pub fn describe(&self) -> String {
        match self {
            Caller::Chromium { origin } => format!("Chromium extension {origin}"),
            Caller::Firefox { extension_id } => format!("Firefox extension {extension_id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_each_browsers_arguments() {
        let chrome = Caller::from_args(&args(&[CHROMIUM_ORIGIN, "--parent-window=0"])).unwrap();
        assert!(chrome.is_hush());
        let firefox = Caller::from_args(&args(&[
            "/home/u/.mozilla/native-messaging-hosts/org.hush_guard.host.json",
            FIREFOX_EXTENSION_ID,
        ]))
        .unwrap();
        assert!(firefox.is_hush());
        assert!(!Caller::from_args(&args(&["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]))
            .unwrap()
            .is_hush());
        assert!(!Caller::from_args(&args(&["/tmp/m.json", "evil@example.com"])).unwrap().is_hush());
        assert_eq!(Caller::from_args(&args(&["install"])), None);
        assert_eq!(Caller::from_args(&args(&["/tmp/m.json"])), None);
    }
}

//! `install` and `uninstall` into a temporary home, for every browser on each platform's layout,
//! and the Windows registry as a dry run.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::testutil::{binary, Sandbox, HUSH_ORIGIN};

const BROWSERS: [&str; 6] = ["chrome", "chromium", "edge", "brave", "vivaldi", "firefox"];

/// Where each browser reads this user's manifest, relative to the home folder.
fn expected(platform: &str, browser: &str) -> PathBuf {
    let dir = match (platform, browser) {
        ("linux", "chrome") => ".config/google-chrome/NativeMessagingHosts",
        ("linux", "chromium") => ".config/chromium/NativeMessagingHosts",
        ("linux", "edge") => ".config/microsoft-edge/NativeMessagingHosts",
        ("linux", "brave") => ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
        ("linux", "vivaldi") => ".config/vivaldi/NativeMessagingHosts",
        ("linux", "firefox") => ".mozilla/native-messaging-hosts",
        ("macos", "chrome") => "Library/Application Support/Google/Chrome/NativeMessagingHosts",
        ("macos", "chromium") => "Library/Application Support/Chromium/NativeMessagingHosts",
        ("macos", "edge") => "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
        ("macos", "brave") => "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
        ("macos", "vivaldi") => "Library/Application Support/Vivaldi/NativeMessagingHosts",
        ("macos", "firefox") => "Library/Application Support/Mozilla/NativeMessagingHosts",
        _ => unreachable!(),
    };
    PathBuf::from(dir).join("org.hush_guard.host.json")
}

fn check_manifest(path: &Path, browser: &str) {
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(manifest["name"], "org.hush_guard.host");
    assert_eq!(manifest["type"], "stdio");
    assert_eq!(manifest["path"], binary());
    if browser == "firefox" {
        assert_eq!(manifest["allowed_extensions"], serde_json::json!(["hush@hush-guard.org"]));
        assert!(manifest.get("allowed_origins").is_none(), "Firefox rejects a manifest with both keys");
    } else {
        assert_eq!(manifest["allowed_origins"], serde_json::json!([HUSH_ORIGIN]));
        assert!(manifest.get("allowed_extensions").is_none());
    }
}

#[test]
fn installs_and_uninstalls_each_browser_on_linux_and_macos() {
    for platform in ["linux", "macos"] {
        for browser in BROWSERS {
            let sandbox = Sandbox::new();
            let stdout = sandbox.cli_ok(&["install", "--browser", browser, "--platform", platform]);
            let path = sandbox.home().join(expected(platform, browser));
            assert!(stdout.contains(&path.display().to_string()), "{platform}/{browser}: {stdout}");
            check_manifest(&path, browser);
            sandbox.cli_ok(&["uninstall", "--browser", browser, "--platform", platform]);
            assert!(!path.exists(), "{platform}/{browser}: uninstall removes the manifest");
            sandbox.cli_ok(&["uninstall", "--browser", browser, "--platform", platform]);
        }
    }
}

#[test]
fn without_a_browser_every_browser_is_registered() {
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["install", "--platform", "linux"]);
    for browser in BROWSERS {
        check_manifest(&sandbox.home().join(expected("linux", browser)), browser);
    }
}

#[test]
fn a_dry_run_writes_nothing() {
    let sandbox = Sandbox::new();
    let stdout = sandbox.cli_ok(&["install", "--browser", "chrome", "--platform", "linux", "--dry-run"]);
    assert!(stdout.starts_with("would chrome: write "), "{stdout}");
    assert!(stdout.contains("\"allowed_origins\""));
    assert!(!sandbox.home().join(".config").exists());
}

#[test]
fn windows_registers_through_the_registry() {
    let sandbox = Sandbox::new();
    let stdout = sandbox.cli_ok(&["install", "--platform", "windows", "--dry-run"]);
    for key in [
        r"HKCU\Software\Google\Chrome\NativeMessagingHosts\org.hush_guard.host",
        r"HKCU\Software\Chromium\NativeMessagingHosts\org.hush_guard.host",
        r"HKCU\Software\Microsoft\Edge\NativeMessagingHosts\org.hush_guard.host",
        r"HKCU\Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\org.hush_guard.host",
        r"HKCU\Software\Vivaldi\NativeMessagingHosts\org.hush_guard.host",
        r"HKCU\Software\Mozilla\NativeMessagingHosts\org.hush_guard.host",
    ] {
        assert!(stdout.contains(&format!("set registry key {key} (default value) = ")), "{key}: {stdout}");
    }
    assert!(stdout.contains("AppData/Local/Hush/NativeMessagingHosts/firefox/org.hush_guard.host.json"), "{stdout}");
    let uninstall = sandbox.cli_ok(&["uninstall", "--browser", "edge", "--platform", "windows", "--dry-run"]);
    assert!(uninstall
        .contains(r"delete registry key HKCU\Software\Microsoft\Edge\NativeMessagingHosts\org.hush_guard.host"));
    if !cfg!(windows) {
        let output = sandbox.cli(&["install", "--browser", "edge", "--platform", "windows"]);
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains("the registry exists on Windows only"));
    }
}

#[test]
fn a_chromium_profile_with_its_own_user_data_dir() {
    let sandbox = Sandbox::new();
    let profile = sandbox.home().join("profile");
    sandbox.cli_ok(&["install", "--browser", "chromium", "--user-data-dir", profile.to_str().unwrap()]);
    check_manifest(&profile.join("NativeMessagingHosts/org.hush_guard.host.json"), "chromium");
    let output = sandbox.cli(&["install", "--browser", "firefox", "--user-data-dir", profile.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Chromium-family browsers only"));
}

#[test]
fn doctor_reports_registrations_and_the_database() {
    let sandbox = Sandbox::new();
    let before = sandbox.cli_ok(&["doctor"]);
    assert!(before.contains("not created yet"), "{before}");
    sandbox.cli_ok(&["install", "--browser", "firefox"]);
    sandbox.cli_ok(&["clients", "add", "Acme"]);
    let after = sandbox.cli_ok(&["doctor"]);
    assert!(after.contains("firefox   registered"), "{after}");
    assert!(after.contains("chrome    not registered"), "{after}");
    assert!(
        after.contains("version 4 of 4") && after.contains("1 clients") && after.contains("intact (0 rows)"),
        "{after}"
    );
    assert!(after.contains("all is well"), "{after}");

    std::fs::write(sandbox.home().join(".mozilla/native-messaging-hosts/org.hush_guard.host.json"), "{").unwrap();
    let broken = sandbox.cli(&["doctor"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("BROKEN"));
}

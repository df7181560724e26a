//! The command line for a person: clients and dictionaries.

use crate::testutil::Sandbox;

#[test]
fn clients_from_the_command_line() {
    let sandbox = Sandbox::new();
    assert!(sandbox.cli_ok(&["clients", "list"]).contains("no clients yet"));
    sandbox.cli_ok(&["clients", "add", "Acme Corp"]);
    sandbox.cli_ok(&["clients", "add", "Globex"]);
    sandbox.cli_ok(&["clients", "rename", "acme corp", "Acme Ltd"]);
    sandbox.cli_ok(&["clients", "use", "Acme Ltd"]);
    sandbox.cli_ok(&["clients", "archive", "Globex"]);
    assert_eq!(sandbox.cli_ok(&["clients", "list"]), "* Acme Ltd\n");
    assert_eq!(sandbox.cli_ok(&["clients", "list", "--all"]), "* Acme Ltd\n  Globex  (archived)\n");
    assert_eq!(sandbox.cli_ok(&["clients", "alias", "Acme Ltd", "acme"]), "Acme Ltd is redacted as [ACME]\n");
    assert_eq!(sandbox.cli_ok(&["clients", "list"]), "* Acme Ltd  [ACME]\n");
    let bad_alias = sandbox.cli(&["clients", "alias", "Acme Ltd", "42"]);
    assert_eq!(bad_alias.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_alias.stderr).contains("an alias starts with a letter"));
    sandbox.cli_ok(&["clients", "alias", "Acme Ltd", "--none"]);
    assert_eq!(sandbox.cli_ok(&["clients", "list"]), "* Acme Ltd\n");
    sandbox.cli_ok(&["clients", "use", "--none"]);
    let missing = sandbox.cli(&["clients", "use", "Initech"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no client called \"Initech\""));
    let duplicate = sandbox.cli(&["clients", "add", "ACME LTD"]);
    assert!(String::from_utf8_lossy(&duplicate.stderr).contains("a client with this name exists already"));
}

#[test]
fn dictionaries_import_and_export_csv() {
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["clients", "add", "Acme"]);
    sandbox.cli_ok(&["dict", "add", "--client", "Acme", "Project Falcon", "--alias", "Falcon", "--note", "codename"]);
    let csv = sandbox.home().join("terms.csv");
    std::fs::write(&csv, "term,aliases,note\n\"Roe, Jane\",J. Roe|Jane R.,contact\nacme-db-01.internal,,\nProject Falcon,Falcon|PF,codename\n").unwrap();
    let stdout = sandbox.cli_ok(&["dict", "import", "--client", "acme", csv.to_str().unwrap()]);
    assert_eq!(stdout, "imported into Acme: 2 added, 1 updated, 0 unchanged\n");
    let list = sandbox.cli_ok(&["dict", "list", "--client", "Acme"]);
    assert!(list.contains("Roe, Jane  (also: J. Roe, Jane R.)  # contact"), "{list}");

    let exported = sandbox.cli_ok(&["dict", "export", "--client", "Acme"]);
    assert_eq!(
        exported,
        "term,aliases,note\r\nProject Falcon,Falcon|PF,codename\r\n\"Roe, Jane\",J. Roe|Jane R.,contact\r\nacme-db-01.internal,,\r\n"
    );
    // What is exported imports back unchanged.
    std::fs::write(&csv, &exported).unwrap();
    let again = sandbox.cli_ok(&["dict", "import", "--client", "Acme", csv.to_str().unwrap()]);
    assert_eq!(again, "imported into Acme: 0 added, 0 updated, 3 unchanged\n");

    sandbox.cli_ok(&["dict", "remove", "--client", "Acme", "project falcon"]);
    assert!(!sandbox.cli_ok(&["dict", "list", "--client", "Acme"]).contains("Falcon"));

    std::fs::write(&csv, "term\nok\n\"broken\n").unwrap();
    let bad = sandbox.cli(&["dict", "import", "--client", "Acme", csv.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 3: a quoted field is not closed"));
}

#[test]
fn help_lists_every_command() {
    let sandbox = Sandbox::new();
    let help = sandbox.cli_ok(&["--help"]);
    for command in ["install", "uninstall", "clients", "dict", "audit", "doctor", "scan"] {
        assert!(help.contains(command), "{command} is in --help");
    }
    assert!(sandbox.cli_ok(&["audit", "export", "--help"]).contains("--format <FORMAT>"));
}

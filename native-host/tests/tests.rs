//! hush-host's integration tests: the real binary, spawned and spoken to.

mod testutil;

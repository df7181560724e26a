//! Readable helpers: a temporary Hush home (database + home folder), the real binary spawned as a
//! browser would spawn it, and frames spoken to it.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

/// The origin Chromium passes for the Hush extension.
pub const HUSH_ORIGIN: &str = "chrome-extension://dckamhmmndbcfolfhmpkfdoiomjlilia/";
/// How long a test waits for a reply before it fails instead of hanging.
const REPLY_TIMEOUT: Duration = Duration::from_secs(20);

/// The binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_hush-host")
}

/// A temporary home folder with a database path inside it.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().unwrap() }
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("hush.db")
    }

    /// A command for the binary with this sandbox's database and home folder.
    pub fn command(&self) -> Command {
        let mut command = Command::new(binary());
        command
            .env("HUSH_DB", self.db())
            .env("HOME", self.home())
            .env("XDG_DATA_HOME", self.home().join(".local/share"))
            .env_remove("HUSH_LOG");
        command
    }

    /// Runs the command line; the output, whatever the exit code.
    pub fn cli(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// Runs the command line and expects success; its stdout.
    pub fn cli_ok(&self, args: &[&str]) -> String {
        let output = self.cli(args);
        assert!(output.status.success(), "hush-host {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    /// Starts the host as Chromium starts it for the Hush extension.
    pub fn host(&self) -> Host {
        self.host_with_args(&[HUSH_ORIGIN])
    }

    /// Starts the host with the browser's arguments `args`.
    pub fn host_with_args(&self, args: &[&str]) -> Host {
        self.host_with(args, &[])
    }

    /// Starts the host with the browser's arguments `args` and environment variables `envs`.
    pub fn host_with(&self, args: &[&str], envs: &[(&str, &str)]) -> Host {
        Host::spawn(self.command().args(args).envs(envs.iter().copied()))
    }
}

/// The host, running, with its stdin and a thread that reads its stdout frame by frame.
pub struct Host {
    child: Child,
    stdin: Option<ChildStdin>,
    frames: Receiver<Frame>,
    next_id: u64,
}

/// What the stdout reader saw.
#[derive(Debug)]
pub enum Frame {
    /// A whole frame.
    Message(Vec<u8>),
    /// Stdout ended cleanly between frames.
    End,
    /// Stdout held something that is not a frame (or ended inside one).
    Garbage(Vec<u8>),
}

impl Host {
    fn spawn(command: &mut Command) -> Host {
        let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().unwrap();
        let (sender, frames) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut header = [0u8; 4];
            let mut filled = 0;
            while filled < 4 {
                match stdout.read(&mut header[filled..]) {
                    Ok(0) | Err(_) => {
                        let frame = if filled == 0 { Frame::End } else { Frame::Garbage(header[..filled].to_vec()) };
                        let _ = sender.send(frame);
                        return;
                    }
                    Ok(n) => filled += n,
                }
            }
            let mut body = vec![0u8; u32::from_ne_bytes(header) as usize];
            if stdout.read_exact(&mut body).is_err() {
                let _ = sender.send(Frame::Garbage(header.to_vec()));
                return;
            }
            let valid = serde_json::from_slice::<Value>(&body).is_ok();
            let _ = sender.send(if valid { Frame::Message(body) } else { Frame::Garbage(body) });
        });
        Host { child, stdin, frames, next_id: 0 }
    }

    /// Sends raw bytes.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// Closes stdin: the browser disconnecting.
    pub fn close_stdin(&mut self) {
        drop(self.stdin.take());
    }

    /// Sends `body` as one frame.
    pub fn send_frame(&mut self, body: &[u8]) {
        let mut frame = (body.len() as u32).to_ne_bytes().to_vec();
        frame.extend_from_slice(body);
        self.send_raw(&frame);
    }

    /// The next frame the host writes.
    pub fn next_frame(&mut self) -> Frame {
        self.frames.recv_timeout(REPLY_TIMEOUT).expect("the host answered in time")
    }

    /// The next reply, which must be a JSON frame.
    pub fn reply(&mut self) -> Value {
        match self.next_frame() {
            Frame::Message(body) => serde_json::from_slice(&body).unwrap(),
            Frame::Garbage(bytes) => {
                panic!("stdout held something that is not a frame: {:?}", String::from_utf8_lossy(&bytes))
            }
            Frame::End => panic!("the host closed stdout instead of answering"),
        }
    }

    /// Sends `message` with a fresh id and returns the reply, checking it carries the same id.
    pub fn request(&mut self, mut message: Value) -> Value {
        self.next_id += 1;
        message["id"] = json!(self.next_id);
        self.send_frame(&serde_json::to_vec(&message).unwrap());
        let reply = self.reply();
        assert_eq!(reply["id"], json!(self.next_id), "the reply keeps the request's id: {reply}");
        reply
    }

    /// Like [`Host::request`], and the reply must be `ok`.
    pub fn ok(&mut self, message: Value) -> Value {
        let reply = self.request(message.clone());
        assert_eq!(reply["ok"], true, "{message} failed: {reply}");
        reply
    }

    /// Like [`Host::request`], and the reply must be an error; its code.
    pub fn error_code(&mut self, message: Value) -> String {
        let reply = self.request(message.clone());
        assert_eq!(reply["ok"], false, "{message} should fail: {reply}");
        reply["error"]["code"].as_str().unwrap().to_string()
    }

    /// Closes stdin (the browser disconnecting) and waits for the host: its exit status, what
    /// followed on stdout (must be a clean end) and its stderr.
    pub fn finish(mut self) -> (ExitStatus, String) {
        drop(self.stdin.take());
        let status = wait_with_timeout(&mut self.child);
        match self.frames.recv_timeout(REPLY_TIMEOUT) {
            Ok(Frame::End) => {}
            other => panic!("stdout held more than frames: {other:?}"),
        }
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            pipe.read_to_string(&mut stderr).unwrap();
        }
        (status, stderr)
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_with_timeout(child: &mut Child) -> ExitStatus {
    let deadline = std::time::Instant::now() + REPLY_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(std::time::Instant::now() < deadline, "the host did not exit after stdin closed");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A UUID for event `n` of test `salt`.
pub fn uuid(salt: u32, n: u32) -> String {
    format!("{salt:08x}-0000-4000-8000-{n:012x}")
}

/// An audit event for `client_id`, with one email finding whose value is `value`.
pub fn event(id: &str, client_id: Option<i64>, at: &str, value: &str) -> Value {
    json!({
        "event_id": id,
        "at": at,
        "client_id": client_id,
        "site": "https://www.kimi.com",
        "action": "redacted",
        "findings": [{"kind": "EMAIL", "rule_id": "email", "value": value}]
    })
}

/// Creates a client through the protocol; its id.
pub fn create_client(host: &mut Host, name: &str) -> i64 {
    host.ok(json!({"type": "client_create", "name": name}))["client"]["id"].as_i64().unwrap()
}

//! The command-line tool as the tests run it: `lectern ARGS`, the page on standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the CLI built for these tests with `args`, writing `stdin` to it; its whole output.
pub fn lectern(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the lectern binary runs");
    child
        .stdin
        .take()
        .expect("its standard input")
        .write_all(stdin)
        .expect("the page written to it");
    child.wait_with_output().expect("its output")
}

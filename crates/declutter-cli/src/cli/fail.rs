//! How a command fails, and the one place that talks to stdout and stderr.
//!
//! Every error becomes one line `declutter: SUBJECT: MESSAGE` on stderr and
//! exit code 2; a reader closing stdout early (`| head`) is not an error.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit code for a failed command, the same clap uses for usage errors.
const EXIT_FAILURE: u8 = 2;

/// Why a command did not finish normally.
#[derive(Debug)]
pub enum Fail {
    /// Something went wrong with one thing the user named.
    Msg {
        /// What it concerns: a file name, `<stdin>`, a subcommand.
        subject: String,
        /// What went wrong, in words.
        message: String,
    },
    /// Stdout was closed by its reader: stop without a word.
    PipeClosed,
    /// The failures have been reported already (batch); only the exit code
    /// is left to give.
    Reported,
}

impl Fail {
    /// A failure concerning `subject`.
    pub fn msg(subject: impl fmt::Display, message: impl fmt::Display) -> Fail {
        Fail::Msg {
            subject: subject.to_string(),
            message: message.to_string(),
        }
    }

    /// Writes the failure's line to stderr, if it has one.
    pub fn report(&self) {
        if let Fail::Msg { subject, message } = self {
            eprint_line(&line(subject, message));
        }
    }

    /// Reports the failure and gives the process its exit code.
    pub fn exit(self) -> ExitCode {
        self.report();
        match self {
            Fail::PipeClosed => ExitCode::SUCCESS,
            Fail::Msg { .. } | Fail::Reported => ExitCode::from(EXIT_FAILURE),
        }
    }
}

/// The one-line form of an error.
pub fn line(subject: &str, message: &str) -> String {
    // A message spanning lines (an OS error text, say) still makes one line.
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("declutter: {subject}: {message}")
}

/// Writes `text` to stdout, ending it with a newline if it lacks one.
pub fn print(text: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    let result = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush());
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Fail::PipeClosed),
        Err(e) => Err(Fail::msg("stdout", e)),
    }
}

/// Writes one line to stderr; there is nowhere left to report a failure of
/// stderr itself, so it is ignored rather than allowed to panic.
pub fn eprint_line(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_line_naming_its_subject() {
        let l = line("page.html", "cannot read:\nNo such file");
        assert_eq!(l, "declutter: page.html: cannot read: No such file");
        assert!(!l.contains('\n'));
    }
}

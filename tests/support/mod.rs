//! What the tests share with each other and with the fuzz target: the hostile-input generators,
//! the safety oracle, and running the CLI. Each test file that needs them says `mod support;`; not every file
//! uses every item.
// Each test crate that says `mod support;` uses a part of it: what one leaves unused is
// another's, and `pub` here is for the test files beside it, not for a crate outside.
#![allow(unreachable_pub)]
#![allow(dead_code)]

pub mod cli;
pub mod hostile;
pub mod markdown;
pub mod oracle;

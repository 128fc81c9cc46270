//! What the tests share with each other and with the fuzz target: the hostile-input generators
//! and the safety oracle. Each test file that needs them says `mod support;`; not every file
//! uses every item.
#![allow(dead_code)]

pub mod hostile;
pub mod oracle;

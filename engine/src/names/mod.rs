//! Names of people that no dictionary knows: the PERSON detector.
//!
//! A name has no checksum and no fixed shape, so the detector weighs two kinds of evidence: the
//! words themselves, looked up in a [`NameGazetteer`] of given names and surnames (loaded at
//! run time from a data asset, see [`gazetteer`]), and the text around them: a title, a
//! salutation, a form field, a signature (`context`). Latin-script names are runs of
//! capitalised words (`person`); Chinese names are a common surname and one or two
//! characters next to a title or a field (`chinese`). A capitalised word that is also a common
//! word or a place needs more evidence than one that is only a name.

mod chinese;
mod context;
pub mod gazetteer;
mod person;

use std::sync::Arc;

use crate::detectors::{Candidate, Detector, ScanText, Validation};
use crate::{Kind, Severity};

pub use gazetteer::{GazetteerError, NameGazetteer};

/// Finds names of people, with a gazetteer.
#[derive(Debug)]
pub struct PersonDetector {
    gazetteer: Arc<NameGazetteer>,
    chinese: chinese::ChineseNames,
}

impl PersonDetector {
    /// A detector that looks names up in `gazetteer`.
    pub fn new(gazetteer: Arc<NameGazetteer>) -> PersonDetector {
        PersonDetector { gazetteer, chinese: chinese::ChineseNames::new() }
    }
}

impl Detector for PersonDetector {
    fn id(&self) -> &'static str {
        "person"
    }

    fn label(&self) -> &'static str {
        "People's names"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let mut found = Vec::new();
        person::latin_names(text.text, &self.gazetteer, &mut found);
        self.chinese.find(text.text, &self.gazetteer, &mut found);
        out.extend(found.into_iter().map(|m| {
            Candidate::builtin(
                Kind::Person,
                "person.name",
                "Name of a person",
                m.span,
                m.confidence,
                Severity::Medium,
                Validation::Context,
            )
        }));
    }
}

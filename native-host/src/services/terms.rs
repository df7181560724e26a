//! Dictionary terms.

use super::{clients, fit_to_budget, validate, ServiceError, REPLY_BUDGET_BYTES};
use crate::protocol::{
    Term, TermAddRequest, TermDraft, TermImportResult, TermListRequest, TermListResult, TermUpdateRequest,
    MAX_TERMS_PER_IMPORT,
};
use crate::store::{Store, StoreError, TermChange, TermContent};
use crate::timestamp;

/// The longest term or alias.
pub const MAX_TERM_CHARS: usize = 200;
/// The most aliases a term has.
pub const MAX_ALIASES: usize = 50;
/// The longest note.
pub const MAX_NOTE_CHARS: usize = 1000;
/// The largest page of `term_list`.
pub const MAX_PAGE: u32 = 5000;
const DUPLICATE_TERM: &str = "this client has this term already (terms ignore case)";

fn duplicate_as_conflict(e: StoreError) -> ServiceError {
    match e {
        StoreError::Duplicate => ServiceError::Conflict(DUPLICATE_TERM),
        other => other.into(),
    }
}

/// Checks a term's content; `field` prefixes the names in errors (`terms[3]`).
pub fn clean(field: &str, draft: &TermDraft) -> Result<TermContent, ServiceError> {
    let prefix = |name: &str| if field.is_empty() { name.to_string() } else { format!("{field}.{name}") };
    Ok(TermContent {
        text: validate::text(&prefix("text"), &draft.text, MAX_TERM_CHARS)?,
        aliases: validate::text_list(
            &prefix("aliases"),
            draft.aliases.as_deref().unwrap_or(&[]),
            MAX_ALIASES,
            MAX_TERM_CHARS,
        )?,
        note: validate::optional_text(&prefix("note"), draft.note.as_deref().unwrap_or(""), MAX_NOTE_CHARS)?,
    })
}

/// A page of terms.
///
/// # Errors
/// [`ServiceError::NotFound`] for an unknown client.
pub fn list(store: &Store, request: &TermListRequest) -> Result<TermListResult, ServiceError> {
    if let Some(id) = request.client_id {
        clients::get(store, "client_id", id)?;
    }
    let limit = request.limit.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
    let revision = store.dictionary_revision()?;
    let mut terms = store.list_terms(request.client_id, request.after_id.unwrap_or(0), limit)?;
    let cut = fit_to_budget(&mut terms, REPLY_BUDGET_BYTES);
    let full_page = terms.len() == limit as usize;
    let next_after_id = if cut || full_page { terms.last().map(|t| t.id) } else { None };
    Ok(TermListResult { terms, next_after_id, revision })
}

/// Every term of one client, for an export.
///
/// # Errors
/// [`ServiceError::Store`] when the database fails.
pub fn all_of(store: &Store, client_id: i64) -> Result<Vec<Term>, ServiceError> {
    Ok(store.list_terms(Some(client_id), 0, u32::MAX)?)
}

/// Adds a term.
///
/// # Errors
/// [`ServiceError::Invalid`], [`ServiceError::NotFound`] (client) or [`ServiceError::Conflict`].
pub fn add(store: &mut Store, request: &TermAddRequest) -> Result<Term, ServiceError> {
    let client = clients::get(store, "client_id", request.client_id)?;
    let draft = TermDraft { text: request.text.clone(), aliases: request.aliases.clone(), note: request.note.clone() };
    let content = clean("", &draft)?;
    store.add_term(client.id, &content, &timestamp::now()).map_err(duplicate_as_conflict)
}

/// Changes a term.
///
/// # Errors
/// [`ServiceError::Invalid`], [`ServiceError::NotFound`] or [`ServiceError::Conflict`].
pub fn update(store: &mut Store, request: &TermUpdateRequest) -> Result<Term, ServiceError> {
    let id = validate::id("term_id", request.term_id)?;
    let change = TermChange {
        text: request.text.as_deref().map(|t| validate::text("text", t, MAX_TERM_CHARS)).transpose()?,
        aliases: request
            .aliases
            .as_deref()
            .map(|a| validate::text_list("aliases", a, MAX_ALIASES, MAX_TERM_CHARS))
            .transpose()?,
        note: request.note.as_deref().map(|n| validate::optional_text("note", n, MAX_NOTE_CHARS)).transpose()?,
    };
    store
        .update_term(id, &change, &timestamp::now())
        .map_err(duplicate_as_conflict)?
        .ok_or(ServiceError::NotFound("term"))
}

/// Removes a term.
///
/// # Errors
/// [`ServiceError::NotFound`] when there is no such term.
pub fn remove(store: &mut Store, term_id: i64) -> Result<i64, ServiceError> {
    let id = validate::id("term_id", term_id)?;
    if store.remove_term(id)? {
        Ok(id)
    } else {
        Err(ServiceError::NotFound("term"))
    }
}

/// Imports terms, all or nothing.
///
/// # Errors
/// [`ServiceError::Invalid`] naming the first bad term, or [`ServiceError::NotFound`].
pub fn import(store: &mut Store, client_id: i64, drafts: &[TermDraft]) -> Result<TermImportResult, ServiceError> {
    let client = clients::get(store, "client_id", client_id)?;
    if drafts.len() > MAX_TERMS_PER_IMPORT {
        return Err(ServiceError::Invalid {
            field: "terms".into(),
            problem: format!("must hold at most {MAX_TERMS_PER_IMPORT} terms; import them in parts"),
        });
    }
    let contents = drafts
        .iter()
        .enumerate()
        .map(|(i, draft)| clean(&format!("terms[{i}]"), draft))
        .collect::<Result<Vec<_>, _>>()?;
    let counts = store.import_terms(client.id, &contents, &timestamp::now())?;
    Ok(TermImportResult { added: counts.added, updated: counts.updated, unchanged: counts.unchanged })
}

//! Clients and the active client.

use super::{validate, ServiceError};
use crate::protocol::{Client, ClientListResult};
use crate::store::{Store, StoreError};
use crate::timestamp;
use hush_engine::dictionary::alias_placeholder_word;

/// The longest client name.
pub const MAX_NAME_CHARS: usize = 100;
const DUPLICATE_NAME: &str = "a client with this name exists already (names ignore case)";
const BAD_ALIAS: &str = "an alias starts with a letter (A to Z) and has at most 32 letters, digits and spaces";

fn duplicate_as_conflict(e: StoreError) -> ServiceError {
    match e {
        StoreError::Duplicate => ServiceError::Conflict(DUPLICATE_NAME),
        other => other.into(),
    }
}

/// The clients, and which one is active.
///
/// # Errors
/// [`ServiceError::Store`] when the database fails.
pub fn list(store: &Store, include_archived: bool) -> Result<ClientListResult, ServiceError> {
    Ok(ClientListResult {
        clients: store.list_clients(include_archived)?,
        active_client_id: store.active_client()?.map(|c| c.id),
    })
}

/// The client with `id`.
///
/// # Errors
/// [`ServiceError::NotFound`] when there is none.
pub fn get(store: &Store, field: &str, id: i64) -> Result<Client, ServiceError> {
    store.client(validate::id(field, id)?)?.ok_or(ServiceError::NotFound("client"))
}

/// Adds a client.
///
/// # Errors
/// [`ServiceError::Invalid`] for a bad name, [`ServiceError::Conflict`] when it is taken.
pub fn create(store: &mut Store, name: &str) -> Result<Client, ServiceError> {
    let name = validate::text("name", name, MAX_NAME_CHARS)?;
    store.create_client(&name, &timestamp::now()).map_err(duplicate_as_conflict)
}

/// Renames a client.
///
/// # Errors
/// As [`create`], and [`ServiceError::NotFound`].
pub fn rename(store: &mut Store, id: i64, name: &str) -> Result<Client, ServiceError> {
    let id = validate::id("client_id", id)?;
    let name = validate::text("name", name, MAX_NAME_CHARS)?;
    store.rename_client(id, &name).map_err(duplicate_as_conflict)?.ok_or(ServiceError::NotFound("client"))
}

/// Sets the word a client's name is redacted as, or (`None` or blank) goes back to numbered
/// placeholders. The alias is kept as the engine writes it: `Acme corp` becomes `ACME_CORP`.
///
/// # Errors
/// [`ServiceError::Invalid`] for an alias that cannot be a placeholder word,
/// [`ServiceError::NotFound`] when there is no such client.
pub fn set_alias(store: &mut Store, id: i64, alias: Option<&str>) -> Result<Client, ServiceError> {
    let id = validate::id("client_id", id)?;
    let word = match alias.map(str::trim).filter(|a| !a.is_empty()) {
        Some(alias) => Some(
            alias_placeholder_word(alias)
                .ok_or(ServiceError::Invalid { field: "alias".into(), problem: BAD_ALIAS.into() })?,
        ),
        None => None,
    };
    store.set_client_alias(id, word.as_deref())?.ok_or(ServiceError::NotFound("client"))
}

/// Archives a client or brings it back.
///
/// # Errors
/// [`ServiceError::NotFound`] when there is no such client.
pub fn set_archived(store: &mut Store, id: i64, archived: bool) -> Result<Client, ServiceError> {
    let id = validate::id("client_id", id)?;
    store.set_client_archived(id, archived)?.ok_or(ServiceError::NotFound("client"))
}

/// The active client.
///
/// # Errors
/// [`ServiceError::Store`] when the database fails.
pub fn active(store: &Store) -> Result<Option<Client>, ServiceError> {
    Ok(store.active_client()?)
}

/// Makes a client active (or none).
///
/// # Errors
/// [`ServiceError::NotFound`], or [`ServiceError::Invalid`] for an archived client.
pub fn set_active(store: &mut Store, id: Option<i64>) -> Result<Option<Client>, ServiceError> {
    let client = match id {
        Some(id) => {
            let client = get(store, "client_id", id)?;
            if client.archived {
                return Err(ServiceError::Invalid {
                    field: "client_id".into(),
                    problem: "names an archived client; bring it back first".into(),
                });
            }
            Some(client)
        }
        None => None,
    };
    store.set_active_client(client.as_ref().map(|c| c.id))?;
    Ok(client)
}

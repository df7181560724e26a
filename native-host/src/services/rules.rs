//! Custom rules.

use super::{clients, validate, ServiceError};
use crate::protocol::{CustomRule, RuleAddRequest, RuleListResult, RuleUpdateRequest};
use crate::store::{RuleChange, Store};
use crate::timestamp;

/// The longest rule name.
pub const MAX_NAME_CHARS: usize = 100;

/// The rules of one client, or every rule.
///
/// # Errors
/// [`ServiceError::NotFound`] for an unknown client.
pub fn list(store: &Store, client_id: Option<i64>) -> Result<RuleListResult, ServiceError> {
    if let Some(id) = client_id {
        clients::get(store, "client_id", id)?;
    }
    Ok(RuleListResult { rules: store.list_rules(client_id)?, revision: store.dictionary_revision()? })
}

/// Adds a rule.
///
/// # Errors
/// [`ServiceError::Invalid`] (a pattern that does not compile, for one) or
/// [`ServiceError::NotFound`].
pub fn add(store: &mut Store, request: &RuleAddRequest) -> Result<CustomRule, ServiceError> {
    if let Some(id) = request.client_id {
        clients::get(store, "client_id", id)?;
    }
    let name = validate::text("name", &request.name, MAX_NAME_CHARS)?;
    let pattern = validate::pattern("pattern", &request.pattern)?;
    Ok(store.add_rule(request.client_id, &name, &pattern, request.enabled.unwrap_or(true), &timestamp::now())?)
}

/// Changes a rule.
///
/// # Errors
/// [`ServiceError::Invalid`] or [`ServiceError::NotFound`].
pub fn update(store: &mut Store, request: &RuleUpdateRequest) -> Result<CustomRule, ServiceError> {
    let id = validate::id("rule_id", request.rule_id)?;
    let change = RuleChange {
        name: request.name.as_deref().map(|n| validate::text("name", n, MAX_NAME_CHARS)).transpose()?,
        pattern: request.pattern.as_deref().map(|p| validate::pattern("pattern", p)).transpose()?,
        enabled: request.enabled,
    };
    store.update_rule(id, &change, &timestamp::now())?.ok_or(ServiceError::NotFound("rule"))
}

/// Removes a rule.
///
/// # Errors
/// [`ServiceError::NotFound`] when there is no such rule.
pub fn remove(store: &mut Store, rule_id: i64) -> Result<i64, ServiceError> {
    let id = validate::id("rule_id", rule_id)?;
    if store.remove_rule(id)? {
        Ok(id)
    } else {
        Err(ServiceError::NotFound("rule"))
    }
}

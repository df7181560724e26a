//! Settings.

use super::{validate, ServiceError};
use crate::protocol::{Settings, SettingsUpdateRequest};
use crate::store::Store;

/// The most sites one list holds.
pub const MAX_SITES: usize = 500;

/// The settings.
///
/// # Errors
/// [`ServiceError::Store`] when the database fails.
pub fn get(store: &Store) -> Result<Settings, ServiceError> {
    Ok(store.settings()?)
}

/// Changes the settings given, keeps the others.
///
/// # Errors
/// [`ServiceError::Invalid`] naming the first bad origin.
pub fn update(store: &mut Store, request: &SettingsUpdateRequest) -> Result<Settings, ServiceError> {
    let clean = SettingsUpdateRequest {
        guarded_sites: request
            .guarded_sites
            .as_deref()
            .map(|s| validate::origins("guarded_sites", s, MAX_SITES))
            .transpose()?,
        paste_redacted_sites: request
            .paste_redacted_sites
            .as_deref()
            .map(|s| validate::origins("paste_redacted_sites", s, MAX_SITES))
            .transpose()?,
        record_fingerprints: request.record_fingerprints,
    };
    Ok(store.update_settings(&clean)?)
}

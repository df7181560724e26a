//! One connection's state: the database (opened on first need, and again after a failure), the
//! fingerprint secret, and the exports being handed out.

use std::path::PathBuf;
use std::time::Instant;

use super::exports::ExportCache;
use super::handlers::dispatch;
use super::log;
use crate::framing::MAX_REPLY_BYTES;
use crate::protocol::{decode_request, encode_error, encode_ok, ErrorCode, ProtocolError};
use crate::services::audit::Fingerprints;
use crate::services::ServiceError;
use crate::store::Store;

/// A connection's state.
#[derive(Debug)]
pub struct Session {
    database: PathBuf,
    store: Option<Store>,
    fingerprints: Fingerprints,
    pub(super) exports: ExportCache,
}

impl Session {
    /// A session over the database at `database`, not opened yet: a damaged database must not
    /// stop the handshake, so the extension can tell the user what is wrong.
    pub fn new(database: PathBuf) -> Session {
        let fingerprints = Fingerprints::new(crate::paths::secret(&database));
        Session { database, store: None, fingerprints, exports: ExportCache::default() }
    }

    /// The reply to one frame: always a JSON reply carrying the request's id when it could be
    /// read, never over the browser's limit.
    pub fn answer(&mut self, frame: &[u8]) -> Vec<u8> {
        let started = Instant::now();
        let (id, request) = match decode_request(frame) {
            Ok(decoded) => decoded,
            Err((id, error)) => {
                log::request_failed(&id, "(not decoded)", &error);
                return encode_error(&id, &error);
            }
        };
        let type_name = request.type_name();
        let reply = match dispatch(self, request) {
            Ok(result) => encode_ok(&id, &result),
            Err(error) => {
                log::request_failed(&id, type_name, &error);
                return encode_error(&id, &error);
            }
        };
        if reply.len() > MAX_REPLY_BYTES {
            let error = ProtocolError::new(
                ErrorCode::ReplyTooLarge,
                format!("the reply would be {} bytes, over the browser's limit; ask for less", reply.len()),
            );
            log::request_failed(&id, type_name, &error);
            return encode_error(&id, &error);
        }
        log::request_done(&id, type_name, started.elapsed());
        reply
    }

    /// The database, opened if it is not yet.
    pub(super) fn store(&mut self) -> Result<&mut Store, ProtocolError> {
        let store = match self.store.take() {
            Some(store) => store,
            None => Store::open(&self.database).map_err(ServiceError::from)?,
        };
        Ok(self.store.insert(store))
    }

    /// The database and the fingerprint secret, together.
    pub(super) fn store_and_fingerprints(&mut self) -> Result<(&mut Store, &mut Fingerprints), ProtocolError> {
        self.store()?;
        match &mut self.store {
            Some(store) => Ok((store, &mut self.fingerprints)),
            None => Err(ProtocolError::new(ErrorCode::Internal, "the database closed unexpectedly")),
        }
    }
}

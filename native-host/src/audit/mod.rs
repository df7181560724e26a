//! The audit log's own logic: the hash chain ([`chain`]), keyed fingerprints ([`fingerprint`]),
//! and the exports a freelancer hands to a client ([`export`]). Storage is the store's business;
//! putting the pieces together is the audit service's.

pub mod chain;
pub mod export;
pub mod fingerprint;

//! One `handle_*` per request type: each unpacks its request, calls a service, and packs the
//! result. Nothing here knows about frames or SQL.

use super::exports::chunk;
use super::session::Session;
use crate::framing::{MAX_REPLY_BYTES, MAX_REQUEST_BYTES};
use crate::protocol::*;
use crate::services::{audit, clients, rules, settings, terms, ServiceError};

impl From<ServiceError> for ProtocolError {
    fn from(e: ServiceError) -> ProtocolError {
        let code = match &e {
            ServiceError::Invalid { .. } => ErrorCode::BadField,
            ServiceError::NotFound(_) => ErrorCode::NotFound,
            ServiceError::Conflict(_) => ErrorCode::Conflict,
            ServiceError::Store(_) | ServiceError::UnreadableRow(_) | ServiceError::Secret(_) => ErrorCode::Storage,
        };
        ProtocolError::new(code, e.to_string())
    }
}

type Answer<T> = Result<T, ProtocolError>;

/// Answers a decoded request.
pub(super) fn dispatch(session: &mut Session, request: Request) -> Answer<ResultBody> {
    Ok(match request {
        Request::Handshake(r) => ResultBody::Handshake(handle_handshake(&r)?),
        Request::ClientList(r) => ResultBody::ClientList(handle_client_list(session, &r)?),
        Request::ClientCreate(r) => ResultBody::ClientCreate(handle_client_create(session, &r)?),
        Request::ClientRename(r) => ResultBody::ClientRename(handle_client_rename(session, &r)?),
        Request::ClientSetAlias(r) => ResultBody::ClientSetAlias(handle_client_set_alias(session, &r)?),
        Request::ClientArchive(r) => ResultBody::ClientArchive(handle_client_archive(session, &r)?),
        Request::ActiveClientGet(_) => ResultBody::ActiveClientGet(handle_active_client_get(session)?),
        Request::ActiveClientSet(r) => ResultBody::ActiveClientSet(handle_active_client_set(session, &r)?),
        Request::TermList(r) => ResultBody::TermList(handle_term_list(session, &r)?),
        Request::TermAdd(r) => ResultBody::TermAdd(handle_term_add(session, &r)?),
        Request::TermUpdate(r) => ResultBody::TermUpdate(handle_term_update(session, &r)?),
        Request::TermRemove(r) => ResultBody::TermRemove(handle_term_remove(session, &r)?),
        Request::TermImport(r) => ResultBody::TermImport(handle_term_import(session, &r)?),
        Request::RuleList(r) => ResultBody::RuleList(handle_rule_list(session, &r)?),
        Request::RuleAdd(r) => ResultBody::RuleAdd(handle_rule_add(session, &r)?),
        Request::RuleUpdate(r) => ResultBody::RuleUpdate(handle_rule_update(session, &r)?),
        Request::RuleRemove(r) => ResultBody::RuleRemove(handle_rule_remove(session, &r)?),
        Request::SettingsGet(_) => ResultBody::SettingsGet(handle_settings_get(session)?),
        Request::SettingsUpdate(r) => ResultBody::SettingsUpdate(handle_settings_update(session, &r)?),
        Request::AuditAppend(r) => ResultBody::AuditAppend(handle_audit_append(session, &r)?),
        Request::AuditQuery(r) => ResultBody::AuditQuery(handle_audit_query(session, &r)?),
        Request::AuditExport(r) => ResultBody::AuditExport(handle_audit_export(session, &r)?),
        Request::AuditExportChunk(r) => ResultBody::AuditExportChunk(handle_audit_export_chunk(session, &r)?),
        Request::AuditVerify(_) => ResultBody::AuditVerify(handle_audit_verify(session)?),
    })
}

fn handle_handshake(request: &HandshakeRequest) -> Answer<HandshakeResult> {
    let theirs = request.versions.clone().unwrap_or_else(|| vec![1]);
    let protocol = SUPPORTED_VERSIONS.iter().rev().find(|v| theirs.contains(v)).copied().ok_or_else(|| {
        let ours: Vec<String> = SUPPORTED_VERSIONS.iter().map(u32::to_string).collect();
        ProtocolError::new(
            ErrorCode::UnsupportedVersion,
            format!("this host speaks protocol version {}; update the extension or the host", ours.join(", ")),
        )
    })?;
    Ok(HandshakeResult {
        protocol,
        host_version: env!("CARGO_PKG_VERSION").to_string(),
        capabilities: Request::TYPES.iter().map(|t| t.to_string()).collect(),
        limits: Limits {
            max_request_bytes: MAX_REQUEST_BYTES as u32,
            max_reply_bytes: MAX_REPLY_BYTES as u32,
            max_events_per_append: MAX_EVENTS_PER_APPEND as u32,
            max_terms_per_import: MAX_TERMS_PER_IMPORT as u32,
        },
    })
}

fn handle_client_list(session: &mut Session, request: &ClientListRequest) -> Answer<ClientListResult> {
    Ok(clients::list(session.store()?, request.include_archived.unwrap_or(false))?)
}

fn handle_client_create(session: &mut Session, request: &ClientCreateRequest) -> Answer<ClientResult> {
    Ok(ClientResult { client: clients::create(session.store()?, &request.name)? })
}

fn handle_client_set_alias(session: &mut Session, request: &ClientSetAliasRequest) -> Answer<ClientResult> {
    Ok(ClientResult { client: clients::set_alias(session.store()?, request.client_id, request.alias.as_deref())? })
}

fn handle_client_rename(session: &mut Session, request: &ClientRenameRequest) -> Answer<ClientResult> {
    Ok(ClientResult { client: clients::rename(session.store()?, request.client_id, &request.name)? })
}

fn handle_client_archive(session: &mut Session, request: &ClientArchiveRequest) -> Answer<ClientResult> {
    let archived = request.archived.unwrap_or(true);
    Ok(ClientResult { client: clients::set_archived(session.store()?, request.client_id, archived)? })
}

fn handle_active_client_get(session: &mut Session) -> Answer<ActiveClientResult> {
    Ok(ActiveClientResult { client: clients::active(session.store()?)? })
}

fn handle_active_client_set(session: &mut Session, request: &ActiveClientSetRequest) -> Answer<ActiveClientResult> {
    Ok(ActiveClientResult { client: clients::set_active(session.store()?, request.client_id)? })
}

fn handle_term_list(session: &mut Session, request: &TermListRequest) -> Answer<TermListResult> {
    Ok(terms::list(session.store()?, request)?)
}

fn handle_term_add(session: &mut Session, request: &TermAddRequest) -> Answer<TermResult> {
    Ok(TermResult { term: terms::add(session.store()?, request)? })
}

fn handle_term_update(session: &mut Session, request: &TermUpdateRequest) -> Answer<TermResult> {
    Ok(TermResult { term: terms::update(session.store()?, request)? })
}

fn handle_term_remove(session: &mut Session, request: &TermRemoveRequest) -> Answer<RemovedResult> {
    Ok(RemovedResult { removed_id: terms::remove(session.store()?, request.term_id)? })
}

fn handle_term_import(session: &mut Session, request: &TermImportRequest) -> Answer<TermImportResult> {
    Ok(terms::import(session.store()?, request.client_id, &request.terms)?)
}

fn handle_rule_list(session: &mut Session, request: &RuleListRequest) -> Answer<RuleListResult> {
    Ok(rules::list(session.store()?, request.client_id)?)
}

fn handle_rule_add(session: &mut Session, request: &RuleAddRequest) -> Answer<RuleResult> {
    Ok(RuleResult { rule: rules::add(session.store()?, request)? })
}

fn handle_rule_update(session: &mut Session, request: &RuleUpdateRequest) -> Answer<RuleResult> {
    Ok(RuleResult { rule: rules::update(session.store()?, request)? })
}

fn handle_rule_remove(session: &mut Session, request: &RuleRemoveRequest) -> Answer<RemovedResult> {
    Ok(RemovedResult { removed_id: rules::remove(session.store()?, request.rule_id)? })
}

fn handle_settings_get(session: &mut Session) -> Answer<SettingsResult> {
    Ok(SettingsResult { settings: settings::get(session.store()?)? })
}

fn handle_settings_update(session: &mut Session, request: &SettingsUpdateRequest) -> Answer<SettingsResult> {
    Ok(SettingsResult { settings: settings::update(session.store()?, request)? })
}

fn handle_audit_append(session: &mut Session, request: &AuditAppendRequest) -> Answer<AuditAppendResult> {
    let (store, fingerprints) = session.store_and_fingerprints()?;
    Ok(audit::append(store, fingerprints, &request.events)?)
}

fn handle_audit_query(session: &mut Session, request: &AuditQueryRequest) -> Answer<AuditQueryResult> {
    Ok(audit::query(session.store()?, request)?)
}

fn handle_audit_export(session: &mut Session, request: &AuditExportRequest) -> Answer<AuditExportResult> {
    let export = audit::export_for_id(
        session.store()?,
        request.client_id,
        request.from.as_deref(),
        request.to.as_deref(),
        request.format,
    )?;
    let (file_name, media_type, total_bytes) =
        (export.file_name.clone(), export.media_type.to_string(), export.content.len() as i64);
    let export_id = session.exports.keep(export);
    let first =
        handle_audit_export_chunk(session, &AuditExportChunkRequest { export_id: export_id.clone(), offset: 0 })?;
    Ok(AuditExportResult {
        export_id,
        file_name,
        media_type,
        total_bytes,
        chunk: first.chunk,
        next_offset: first.next_offset,
    })
}

fn handle_audit_export_chunk(
    session: &mut Session,
    request: &AuditExportChunkRequest,
) -> Answer<AuditExportChunkResult> {
    let export = session.exports.get(&request.export_id).ok_or_else(|| {
        ProtocolError::new(ErrorCode::NotFound, "there is no such export on this connection; export again")
    })?;
    let piece =
        usize::try_from(request.offset).ok().and_then(|offset| chunk(&export.content, offset)).ok_or_else(|| {
            ProtocolError::new(ErrorCode::BadField, "field `offset` must be a `next_offset` this export gave")
        })?;
    Ok(AuditExportChunkResult { chunk: piece.text.to_string(), next_offset: piece.next_offset.map(|n| n as i64) })
}

fn handle_audit_verify(session: &mut Session) -> Answer<AuditVerifyResult> {
    let report = audit::verify(session.store()?)?;
    Ok(AuditVerifyResult {
        intact: report.is_intact(),
        rows_checked: report.rows_checked,
        problems: report
            .problems
            .iter()
            .map(|p| ChainProblemInfo { seq: Some(p.seq()), message: p.to_string() })
            .collect(),
    })
}

//! IPv4 and IPv6 addresses, not version strings, times or MAC addresses.
//!
//! IPv4 comes from the shared digit groups (four dotted octets, no leading zeros, not part of
//! a longer dotted run, not after "version", "v" or "build"); IPv6 from runs of hex digits and
//! colons that the standard library parses as an address.

use std::net::Ipv6Addr;

use super::text::{Group, GroupShape, ScanText};
use super::{Candidate, Detector, Validation};
use crate::byte_flags;
use crate::{Kind, Severity, Span};

/// Finds IP addresses.
#[derive(Debug, Default)]
pub struct IpDetector;

impl IpDetector {
    /// The detector (it has nothing to compile).
    pub fn new() -> IpDetector {
        IpDetector
    }
}

const VERSION_WORDS: &[&str] = &["version", "ver.", "release", "build", "firmware", "chrome/", "mozilla/", "v."];

impl Detector for IpDetector {
    fn id(&self) -> &'static str {
        "ip_address"
    }

    fn label(&self) -> &'static str {
        "IP addresses"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        ipv4(text, out);
        ipv6(text, out);
    }
}

fn ipv4(text: &ScanText<'_>, out: &mut Vec<Candidate>) {
    let groups = text.groups();
    // The first three octets are each an octet's length with a dot right after and another
    // octet's length after that: most groups (times' seconds, versions, percentages) fail on
    // their own shape or on one of the next two groups'.
    let dotted_octet =
        |shape: GroupShape| (shape.len <= 3) & (shape.after == b'.') & (shape.gap == 1) & (shape.next_len <= 3);
    text.for_each_candidate_run(3, dotted_octet, |i| {
        let Some(octets) = groups.get(i..i + 4) else { return groups.len() };
        let is_octet = |g: &Group| g.len() <= 3 && (g.len() == 1 || text.bytes[g.span.start] != b'0');
        let dotted =
            |k: usize| text.bytes[octets[k].span.end] == b'.' && octets[k + 1].span.start == octets[k].span.end + 1;
        let dotted_octets =
            is_octet(&octets[0]) && dotted(0) && dotted(1) && dotted(2) && octets[1..].iter().all(is_octet);
        if !dotted_octets {
            return i + 1;
        }
        let (start, end) = (octets[0].span.start, octets[3].span.end);
        let at_most_255 =
            octets.iter().all(|g| text.slice(g.span.start, g.span.end).parse::<u16>().is_ok_and(|n| n <= 255));
        if !at_most_255 || !text.stands_alone(start, end) || text.continues(start, end, b".") {
            return i + 1;
        }
        let before = text.byte_before(start);
        let versioned = matches!(before, Some(b'v' | b'V'))
            || text.context_before(start, 12, VERSION_WORDS)
            || before == Some(b'.');
        let address = text.slice(start, end);
        let noise = address == "0.0.0.0" || address.starts_with("127.") || address.starts_with("255.");
        if !versioned && !noise {
            let private = is_private_v4(address);
            out.push(Candidate::builtin(
                Kind::IpAddress,
                "ip_address.v4",
                if private { "Private IPv4 address" } else { "IPv4 address" },
                Span::new(start, end),
                0.95,
                if private { Severity::Low } else { Severity::Medium },
                Validation::Format,
            ));
        }
        i + 4
    });
}

fn is_private_v4(address: &str) -> bool {
    let mut parts = address.split('.').map(|p| p.parse::<u16>().unwrap_or(0));
    let (a, b) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    a == 10 || (a == 172 && (16..=31).contains(&b)) || (a == 192 && b == 168) || (a == 169 && b == 254)
}

/// Whether `b` may continue an IPv6 address: a hex digit, a colon or a dot.
fn is_part(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':' || b == b'.'
}

fn ipv6(text: &ScanText<'_>, out: &mut Vec<Candidate>) {
    let bytes = text.bytes;
    // Where the last run widened to ends: the colons before it were passed over with it.
    let mut at = 0;
    // Every colon that a hex digit, colon or dot follows (a colon that ends its run holds no
    // other colon, and trimmed it holds none: "port: 80"). The sweep flags every colon, one
    // compare per sixteen bytes, and the byte after is read only at a colon: colons are rare
    // enough that this beats flagging by both bytes.
    byte_flags::for_each_flagged(
        bytes,
        |_, b| byte_flags::lanes_equal(b, b':'),
        |colon| {
            if colon < at || !bytes.get(colon + 1).is_some_and(|&b| is_part(b)) {
                return;
            }
            // Widen to the run of hex digits, colons and dots around the colon.
            let mut start = colon;
            while start > 0 && is_part(bytes[start - 1]) {
                start -= 1;
            }
            let mut end = colon;
            while end < bytes.len() && is_part(bytes[end]) {
                end += 1;
            }
            at = end.max(colon + 1);
            // Trailing dots and colons are punctuation ("at fe80::1." or "addr: ::1:").
            while end > start && matches!(bytes[end - 1], b'.' | b':') && !text.slice(start, end).ends_with("::") {
                end -= 1;
            }
            let candidate = text.slice(start, end);
            // An IPv6 address either abbreviates with "::" or writes all eight groups (seven
            // colons, six before an embedded IPv4): times and ratios have neither.
            let colons = candidate.bytes().filter(|&b| b == b':').count();
            if !(candidate.contains("::") || colons >= 6) || !text.stands_alone(start, end) {
                return;
            }
            let Ok(address) = candidate.parse::<Ipv6Addr>() else { return };
            let hex_digits = candidate.bytes().filter(u8::is_ascii_hexdigit).count();
            if address.is_loopback() || address.is_unspecified() || hex_digits < 4 {
                return;
            }
            out.push(Candidate::builtin(
                Kind::IpAddress,
                "ip_address.v6",
                "IPv6 address",
                Span::new(start, end),
                0.95,
                Severity::Medium,
                Validation::Format,
            ));
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        IpDetector::new().detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_addresses() {
        assert_eq!(found("ssh root@203.0.113.42 -p 22"), ["203.0.113.42"]);
        assert_eq!(found("host 10.0.0.12:8080."), ["10.0.0.12"]);
        assert_eq!(found("addr 2001:db8:85a3::8a2e:370:7334."), ["2001:db8:85a3::8a2e:370:7334"]);
        assert_eq!(found("link fe80::1ff:fe23:4567:890a%eth0"), ["fe80::1ff:fe23:4567:890a"]);
        // The IPv4 tail is found too; overlap resolution keeps the longer IPv6 address.
        assert_eq!(found("::ffff:192.0.2.128"), ["192.0.2.128", "::ffff:192.0.2.128"]);
    }

    #[test]
    fn ignores_versions_times_and_macs() {
        for text in [
            "version 1.2.3.4",
            "v10.0.19041.1",
            "1.2.3.4.5",
            "256.1.1.1",
            "01.02.03.04",
            "at 12:30:45",
            "mac 00:1a:2b:3c:4d:5e",
            "std::vector<int>",
            "::1 and 127.0.0.1 and 0.0.0.0",
            "a::b",
            "Mozilla/5.0 Chrome/120.0.6099.109",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}

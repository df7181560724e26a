//! The order in which to hand literals to the packed searcher, so that it rarely stops in vain.
//!
//! aho-corasick's packed searcher (Teddy) puts the literals into 8 buckets (16 in its "fat"
//! variant, for more than 32 literals where AVX2 is available) and looks, 16 or 32 bytes at a
//! time, for places where the first bytes (as many as the shortest literal has, at most 4)
//! fit a bucket: at each position the byte's low nibble and its high nibble must each be one
//! of the bucket's literals' at that position. It compares each such place with every literal
//! of the bucket. A bucket's nibble sets are unions, so literals sharing a bucket let their
//! mixtures through as well: `pass` and `token` together accept `tosk`, `post`, `pake`. Which
//! literals share a bucket follows from their order (aho-corasick 1.1): the literals whose
//! first bytes have the same low nibbles (`pass`, `PASS`, `Pass`) form a group, and a group
//! goes into bucket `buckets - 1 - i % buckets`, where `i` is the index of its first literal
//! in the searcher's own order (longest first, then by index). For the secret names, orders
//! drawn at random made that search take 0.11 to 0.35 ms per MB.
//!
//! [`arrange`] groups the literals as the searcher does, estimates how often each bucket
//! would stop in ordinary text (a letter-frequency model, not any text in particular),
//! assigns the groups to buckets to make that rare, and returns the order that builds those
//! buckets. The order changes where the searcher compares, never what it finds.

/// How often a byte occurs in ordinary text, per mille: English letter frequencies, capitals
/// an eighth of their small letter, the space most frequent, digits and common punctuation a
/// little, anything else rarely.
fn byte_weight(b: u8) -> f32 {
    const LETTERS: [f32; 26] = [
        82.0, 15.0, 28.0, 43.0, 127.0, 22.0, 20.0, 61.0, 70.0, 1.5, 7.7, 40.0, 24.0, 67.0, 75.0, 19.0, 1.0, 60.0, 63.0,
        91.0, 28.0, 9.8, 24.0, 1.5, 20.0, 0.7,
    ];
    match b {
        b' ' => 180.0,
        b'a'..=b'z' => LETTERS[usize::from(b - b'a')],
        b'A'..=b'Z' => LETTERS[usize::from(b - b'A')] / 8.0,
        b'0'..=b'9' => 6.0,
        b'.' | b',' | b':' | b'-' | b'_' | b'=' | b'/' | b'"' | b'(' | b')' => 5.0,
        _ => 1.0,
    }
}

/// Each stop costs about this many literal comparisons besides the comparisons themselves.
const STOP_COST: f32 = 3.0;

/// The most literal bytes the searcher looks at before comparing.
const MAX_MASK_LEN: usize = 4;

/// A group of literals that the searcher keeps in one bucket, and the nibbles they allow.
#[derive(Debug, Clone)]
struct Group {
    members: Vec<usize>,
    nibbles: Nibbles,
}

/// At each position of the searcher's mask, the set of low and the set of high nibbles allowed.
#[derive(Debug, Clone, Copy, Default)]
struct Nibbles {
    low: [u16; MAX_MASK_LEN],
    high: [u16; MAX_MASK_LEN],
}

impl Nibbles {
    fn add(&mut self, other: &Nibbles) {
        for k in 0..MAX_MASK_LEN {
            self.low[k] |= other.low[k];
            self.high[k] |= other.high[k];
        }
    }
}

/// The weights of the bytes by nibbles, `[high][low]`, summing to 1.
struct Weights([[f32; 16]; 16]);

impl Weights {
    fn new() -> Weights {
        let total: f32 = (0..=255).map(byte_weight).sum();
        let mut w = [[0.0; 16]; 16];
        for b in 0..=255u8 {
            w[usize::from(b >> 4)][usize::from(b & 15)] = byte_weight(b) / total;
        }
        Weights(w)
    }

    /// How often a bucket with these nibbles and `literals` literals costs, per byte of text.
    fn cost(&self, nibbles: &Nibbles, mask_len: usize, literals: usize) -> f32 {
        let mut stops = 1.0;
        for k in 0..mask_len {
            let mut p = 0.0;
            for high in bits(nibbles.high[k]) {
                p += bits(nibbles.low[k]).map(|low| self.0[high][low]).sum::<f32>();
            }
            stops *= p;
        }
        stops * (STOP_COST + literals as f32)
    }
}

/// The members of a set of nibbles.
fn bits(mut set: u16) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let bit = (set != 0).then(|| set.trailing_zeros() as usize)?;
        set &= set - 1;
        Some(bit)
    })
}

/// The order (indices into `literals`) in which to give them to a packed searcher with
/// `buckets` buckets; `literals` must be non-empty and distinct. Where no better order is
/// found, their own.
pub(super) fn arrange<L: AsRef<[u8]>>(literals: &[L], buckets: usize) -> Vec<usize> {
    let own: Vec<usize> = (0..literals.len()).collect();
    let mask_len = literals.iter().map(|l| l.as_ref().len()).min().unwrap_or(0).min(MAX_MASK_LEN);
    if mask_len == 0 || buckets == 0 {
        return own;
    }
    let groups = groups(literals, mask_len);
    // How many groups a bucket can take: as many as there are indices leading to it.
    let capacity: Vec<usize> = (0..buckets).map(|b| (literals.len() + b) / buckets).collect();
    let Some(assignment) = assign(&groups, &capacity, mask_len) else { return own };
    order(literals, &groups, &assignment, buckets).unwrap_or(own)
}

/// The literals grouped as the searcher groups them: by the low nibbles of their first bytes.
fn groups<L: AsRef<[u8]>>(literals: &[L], mask_len: usize) -> Vec<Group> {
    let mut groups: Vec<(Vec<u8>, Group)> = Vec::new();
    for (i, literal) in literals.iter().enumerate() {
        let prefix = &literal.as_ref()[..mask_len];
        let low: Vec<u8> = prefix.iter().map(|b| b & 15).collect();
        let mut nibbles = Nibbles::default();
        for (k, &b) in prefix.iter().enumerate() {
            nibbles.low[k] |= 1 << (b & 15);
            nibbles.high[k] |= 1 << (b >> 4);
        }
        match groups.iter_mut().find(|(l, _)| *l == low) {
            Some((_, group)) => {
                group.members.push(i);
                group.nibbles.add(&nibbles);
            }
            None => groups.push((low, Group { members: vec![i], nibbles })),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// A bucket for each group, within `capacity`, found by placing the groups one by one where
/// they cost least, the costliest first, then moving and swapping them while that lowers
/// the total (a few rounds at most).
fn assign(groups: &[Group], capacity: &[usize], mask_len: usize) -> Option<Vec<usize>> {
    let weights = Weights::new();
    let cost = |share: &mut dyn Iterator<Item = usize>| {
        let mut nibbles = Nibbles::default();
        let mut literals = 0;
        for g in share {
            nibbles.add(&groups[g].nibbles);
            literals += groups[g].members.len();
        }
        if literals == 0 {
            0.0
        } else {
            weights.cost(&nibbles, mask_len, literals)
        }
    };
    let buckets = capacity.len();
    let mut shares: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    let mut costs = vec![0.0f32; buckets];
    let alone: Vec<f32> = (0..groups.len()).map(|g| cost(&mut std::iter::once(g))).collect();
    let mut by_cost: Vec<usize> = (0..groups.len()).collect();
    by_cost.sort_by(|&a, &b| alone[b].total_cmp(&alone[a]));
    for g in by_cost {
        let (added, bucket) = (0..buckets)
            .filter(|&b| shares[b].len() < capacity[b])
            .map(|b| (cost(&mut shares[b].iter().copied().chain([g])), b))
            .min_by(|x, y| (x.0 - costs[x.1]).total_cmp(&(y.0 - costs[y.1])))?;
        shares[bucket].push(g);
        costs[bucket] = added;
    }
    // A change is kept only if it saves a little, so that rounding cannot make it cycle.
    let saves = |after: f32, before: f32| after < before * 0.999;
    for _ in 0..4 {
        let mut improved = false;
        for a in 0..buckets {
            let mut i = 0;
            while i < shares[a].len() {
                let g = shares[a][i];
                let mut changed = false;
                for b in (0..buckets).filter(|&b| b != a) {
                    let without_g = || shares[a].iter().copied().filter(move |&x| x != g);
                    // Moved to `b`.
                    if shares[b].len() < capacity[b] {
                        let (cost_a, cost_b) =
                            (cost(&mut without_g()), cost(&mut shares[b].iter().copied().chain([g])));
                        if saves(cost_a + cost_b, costs[a] + costs[b]) {
                            shares[a].retain(|&x| x != g);
                            shares[b].push(g);
                            (costs[a], costs[b]) = (cost_a, cost_b);
                            changed = true;
                            break;
                        }
                    }
                    // Swapped with a group of `b`.
                    let swap = shares[b].iter().copied().find_map(|h| {
                        let cost_a = cost(&mut without_g().chain([h]));
                        let cost_b = cost(&mut shares[b].iter().copied().filter(|&x| x != h).chain([g]));
                        saves(cost_a + cost_b, costs[a] + costs[b]).then_some((h, cost_a, cost_b))
                    });
                    if let Some((h, cost_a, cost_b)) = swap {
                        shares[a][i] = h;
                        let at = shares[b].iter().position(|&x| x == h)?;
                        shares[b][at] = g;
                        (costs[a], costs[b]) = (cost_a, cost_b);
                        changed = true;
                        break;
                    }
                }
                improved |= changed;
                if !changed {
                    i += 1;
                }
            }
        }
        if !improved {
            break;
        }
    }
    let mut assignment = vec![0; groups.len()];
    for (bucket, share) in shares.iter().enumerate() {
        for &g in share {
            assignment[g] = bucket;
        }
    }
    Some(assignment)
}

/// The order of the literals that makes the searcher share out the groups as `assignment`
/// does (which bucket gets which share does not matter). Index `i` leads to bucket
/// `buckets - 1 - i % buckets`, so the shares take the residues `0, 1, …` of the indices, the
/// largest first (it has the most indices), and a group's first literal in the searcher's
/// order (a longest one) takes the next index of its share's residue. The other indices
/// take the other literals: shorter ones anywhere, the other longest ones of a group only
/// after its first.
fn order<L: AsRef<[u8]>>(literals: &[L], groups: &[Group], assignment: &[usize], buckets: usize) -> Option<Vec<usize>> {
    let len = |i: usize| literals[i].as_ref().len();
    let mut shares: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (g, &bucket) in assignment.iter().enumerate() {
        shares[bucket].push(g);
    }
    shares.sort_by_key(|share| std::cmp::Reverse(share.len()));
    // For each group, its longest literals (the first of them leads it) and the others.
    let mut longest = Vec::new();
    let mut shorter = Vec::new();
    for group in groups {
        let max = group.members.iter().map(|&i| len(i)).max()?;
        let (long, short): (Vec<usize>, Vec<usize>) = group.members.iter().partition(|&&i| len(i) == max);
        longest.push(long);
        shorter.extend(short);
    }
    let mut next_group = vec![0; buckets];
    let mut led: Vec<usize> = Vec::new();
    let mut order = Vec::with_capacity(literals.len());
    for index in 0..literals.len() {
        let share = &shares[index % buckets];
        if let Some(&g) = share.get(next_group[index % buckets]) {
            next_group[index % buckets] += 1;
            order.push(longest[g][0]);
            led.push(g);
        } else if let Some(g) = led.iter().copied().find(|&g| longest[g].len() > 1) {
            order.push(longest[g].pop()?);
        } else {
            order.push(shorter.pop()?);
        }
    }
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bucket of each literal, by aho-corasick 1.1's rule (see the module's comment).
    fn searcher_buckets(literals: &[&str], buckets: usize) -> Vec<usize> {
        let mask_len = literals.iter().map(|l| l.len()).min().unwrap().min(MAX_MASK_LEN);
        let mut by_order: Vec<usize> = (0..literals.len()).collect();
        by_order.sort_by_key(|&i| std::cmp::Reverse(literals[i].len()));
        let mut first: Vec<(Vec<u8>, usize)> = Vec::new();
        let mut bucket = vec![0; literals.len()];
        for i in by_order {
            let low: Vec<u8> = literals[i].as_bytes()[..mask_len].iter().map(|b| b & 15).collect();
            bucket[i] = match first.iter().find(|(l, _)| *l == low) {
                Some(&(_, b)) => b,
                None => {
                    first.push((low, buckets - 1 - i % buckets));
                    buckets - 1 - i % buckets
                }
            };
        }
        bucket
    }

    #[test]
    fn the_order_shares_out_the_groups_as_assigned() {
        let literals = ["pass", "PASS", "Pass", "pwd", "PWD", "Pwd", "secret", "SECRET", "token", "key", "KEY", "密码"];
        for buckets in [8, 16] {
            let order = arrange(&literals, buckets);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..literals.len()).collect::<Vec<_>>());
            let ordered: Vec<&str> = order.iter().map(|&i| literals[i]).collect();
            let groups = groups(&literals, 3);
            let capacity: Vec<usize> = (0..buckets).map(|b| (literals.len() + b) / buckets).collect();
            let assignment = assign(&groups, &capacity, 3).unwrap();
            let label =
                |literal: usize| groups.iter().position(|g| g.members.contains(&literal)).map(|g| assignment[g]);
            let built = searcher_buckets(&ordered, buckets);
            let bucket = |literal: usize| built[order.iter().position(|&i| i == literal).unwrap()];
            for a in 0..literals.len() {
                for b in 0..literals.len() {
                    assert_eq!(label(a) == label(b), bucket(a) == bucket(b), "{} {}", literals[a], literals[b]);
                }
            }
        }
    }

    #[test]
    fn variants_of_one_word_share_a_bucket_and_unlike_words_do_not() {
        let literals = ["pass", "PASS", "Pass", "secret", "SECRET", "Secret"];
        let groups = groups(&literals, 4);
        assert_eq!(groups.len(), 2);
        let assignment = assign(&groups, &[3, 3, 3, 3, 3, 3, 3, 3], 4).unwrap();
        assert_ne!(assignment[0], assignment[1]);
    }
}

//! Sync tokens: where a client's copy stands, opaque to the client.
//!
//! A token names PostgreSQL snapshots (`pg_snapshot`), never a clock or a
//! counter: a change is recorded by the transaction that made it, and a
//! transaction is in a snapshot only once it has committed. Whatever
//! commits after a snapshot was taken, however long it ran before, is not
//! in it, so the next round lists it.

use std::fmt;
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// How long deletions are kept, and so how old a token may be (DESIGN §9).
pub const HISTORY: chrono::Duration = chrono::Duration::days(30);

/// A `pg_snapshot` in its text form `xmin:xmax:xip,…`: transactions below
/// `xmin` had finished, those from `xmax` on had not started, and those
/// listed were running when it was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    xmin: u64,
    xmax: u64,
    running: Vec<u64>,
}

impl FromStr for Snapshot {
    type Err = ();

    /// Only what PostgreSQL itself writes: the text goes into SQL as a
    /// `pg_snapshot`, and one it cannot read must not get that far.
    fn from_str(text: &str) -> Result<Self, ()> {
        let mut parts = text.splitn(3, ':');
        let mut number = || parts.next().ok_or(())?.parse::<u64>().map_err(|_| ());
        let (xmin, xmax) = (number()?, number()?);
        let running: Vec<u64> = match parts.next().ok_or(())? {
            "" => Vec::new(),
            list => list
                .split(',')
                .map(|xid| xid.parse().map_err(|_| ()))
                .collect::<Result<_, ()>>()?,
        };
        let ordered = running.windows(2).all(|pair| pair[0] < pair[1]);
        let within = running.iter().all(|xid| (xmin..xmax).contains(xid));
        (xmin >= 1 && xmin <= xmax && ordered && within)
            .then_some(Self {
                xmin,
                xmax,
                running,
            })
            .ok_or(())
    }
}

impl fmt::Display for Snapshot {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let running: Vec<String> = self.running.iter().map(u64::to_string).collect();
        write!(
            formatter,
            "{}:{}:{}",
            self.xmin,
            self.xmax,
            running.join(",")
        )
    }
}

impl Serialize for Snapshot {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|()| serde::de::Error::custom("not a snapshot"))
    }
}

/// A snapshot and when it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taken {
    #[serde(rename = "s")]
    pub snapshot: Snapshot,
    /// Unix seconds.
    #[serde(rename = "t")]
    pub at: i64,
}

impl Taken {
    fn at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.at, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

/// A round of changes being paged through: those committed by `until`
/// (and not by the token's base), from the position after `after` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    #[serde(rename = "u")]
    pub until: Taken,
    #[serde(rename = "p")]
    pub after: i64,
}

/// What a `since` token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncToken {
    #[serde(rename = "a")]
    pub user_id: Uuid,
    /// The snapshot the client's copy is complete up to; none before its
    /// first whole round.
    #[serde(rename = "b")]
    pub base: Option<Taken>,
    /// The round in progress, when the last page said `has_more`.
    #[serde(rename = "r")]
    pub round: Option<Round>,
}

impl SyncToken {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    /// Reads `since` for `user_id`: 400 for anything this service did not
    /// make for this account, 410 once its deletions may be gone.
    pub fn decode(since: &str, user_id: Uuid, now: DateTime<Utc>) -> ApiResult<Self> {
        let token: Self = URL_SAFE_NO_PAD
            .decode(since)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or(ApiError::InvalidParameter {
                field: "since",
                message: "is not a sync token of this service",
            })?;
        if token.user_id != user_id {
            return Err(ApiError::InvalidParameter {
                field: "since",
                message: "belongs to another account",
            });
        }
        // Deletions since the base must all still be kept; a token without
        // one has its base in the round it is paging through.
        let dated = token
            .base
            .as_ref()
            .or(token.round.as_ref().map(|round| &round.until));
        if dated.is_some_and(|taken| now - taken.at() > HISTORY) {
            return Err(ApiError::SyncTokenExpired);
        }
        Ok(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_read_only_what_postgresql_writes() {
        for text in ["100:104:100,102", "7:7:", "1:5:"] {
            let snapshot: Snapshot = text.parse().expect("a snapshot");
            assert_eq!(snapshot.to_string(), text);
        }
        for text in [
            "", "1", "1:2", "5:4:", "0:1:", "1:5:6", "1:5:3,2", "1:5:2,2", "1:5:x", "1:5:2;",
            "1:5:2, 3", "-1:5:",
        ] {
            assert!(text.parse::<Snapshot>().is_err(), "{text:?} was read");
        }
    }

    fn token(user_id: Uuid, at: DateTime<Utc>) -> SyncToken {
        SyncToken {
            user_id,
            base: Some(Taken {
                snapshot: "10:12:11".parse().expect("a snapshot"),
                at: at.timestamp(),
            }),
            round: None,
        }
    }

    #[test]
    fn tokens_are_bound_to_their_account_and_dated() {
        let (ada, bob) = (Uuid::now_v7(), Uuid::now_v7());
        let now = Utc::now();
        let fresh = token(ada, now - chrono::Duration::days(29));
        assert_eq!(
            SyncToken::decode(&fresh.encode(), ada, now).ok(),
            Some(fresh.clone())
        );
        assert!(matches!(
            SyncToken::decode(&fresh.encode(), bob, now),
            Err(ApiError::InvalidParameter { .. })
        ));
        let old = token(ada, now - chrono::Duration::days(31));
        assert!(matches!(
            SyncToken::decode(&old.encode(), ada, now),
            Err(ApiError::SyncTokenExpired)
        ));
        assert!(matches!(
            SyncToken::decode("e30", ada, now),
            Err(ApiError::InvalidParameter { .. })
        ));
    }
}

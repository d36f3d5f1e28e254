//! Cursor pagination: opaque cursors, pages, and the `Link` header.

use actix_web::body::BoxBody;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, Responder};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::respond;

/// Items per page when the client does not say.
pub const DEFAULT_LIMIT: i64 = 25;
/// The most items a page holds.
pub const MAX_LIMIT: i64 = 100;

/// The query parameters of a list that has no filters: a page size and
/// where the previous page ended.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    #[serde(default)]
    pub limit: PageSize,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Only items changed after this time (strictly after): what a client
    /// that polls has not seen.
    pub updated_after: Option<chrono::DateTime<chrono::Utc>>,
}

/// The query of a list sent whole: only what changed after a time.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WholeListQuery {
    /// Only items changed after this time (strictly after): what a client
    /// that polls has not seen.
    pub updated_after: Option<chrono::DateTime<chrono::Utc>>,
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` exactly when no item follows.
    pub next_cursor: Option<String>,
}

/// A list small enough to send whole, never paged. It has the shape of a
/// page so that a client reads every list alike.
#[derive(Debug, Serialize, ToSchema)]
pub struct WholeList<T> {
    pub items: Vec<T>,
    /// Always `null`: the list is whole.
    pub next_cursor: Option<String>,
}

impl<T> FromIterator<T> for WholeList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Self {
            items: items.into_iter().collect(),
            next_cursor: None,
        }
    }
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows: the extra row only tells
    /// that another page exists, and the cursor is the key of the last item.
    pub fn from_rows<R, K: Serialize>(
        mut rows: Vec<R>,
        limit: i64,
        key_of: impl Fn(&R) -> K,
        into_item: impl FnMut(R) -> T,
    ) -> Self {
        let has_more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let next_cursor = has_more
            .then(|| rows.last().map(|row| encode_cursor(&key_of(row))))
            .flatten();
        Self {
            items: rows.into_iter().map(into_item).collect(),
            next_cursor,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }
}

/// A `limit` parameter: 1 to `MAX` items, `DEFAULT` when the client does
/// not say. It is checked while the query string is read, so every list
/// refuses a bad `limit` with the same 400 before anything else happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit<const DEFAULT: i64, const MAX: i64>(i64);

/// A page's `limit`: 1 to 100 items, 25 when the client does not say.
pub type PageSize = Limit<DEFAULT_LIMIT, MAX_LIMIT>;

impl<const DEFAULT: i64, const MAX: i64> Limit<DEFAULT, MAX> {
    pub fn get(self) -> i64 {
        self.0
    }
}

impl<const DEFAULT: i64, const MAX: i64> Default for Limit<DEFAULT, MAX> {
    fn default() -> Self {
        Self(DEFAULT)
    }
}

impl<const DEFAULT: i64, const MAX: i64> TryFrom<i64> for Limit<DEFAULT, MAX> {
    type Error = String;

    fn try_from(limit: i64) -> Result<Self, String> {
        (1..=MAX)
            .contains(&limit)
            .then_some(Self(limit))
            .ok_or_else(|| format!("limit must be between 1 and {MAX}"))
    }
}

impl<'de, const DEFAULT: i64, const MAX: i64> serde::Deserialize<'de> for Limit<DEFAULT, MAX> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let limit = i64::deserialize(deserializer)?;
        Self::try_from(limit).map_err(serde::de::Error::custom)
    }
}

/// A cursor is the sort key of the last item seen, as base64url JSON. Clients
/// treat it as opaque.
pub fn encode_cursor<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

/// The position a `cursor` parameter names, if any: an absent or empty
/// `cursor` starts at the beginning; anything this service did not make is
/// a 400.
pub fn after<K: DeserializeOwned>(cursor: Option<&str>) -> Result<Option<K>, ApiError> {
    cursor
        .filter(|cursor| !cursor.is_empty())
        .map(decode_cursor)
        .transpose()
}

/// Reads a cursor back; anything this service did not make is a 400.
pub fn decode_cursor<K: DeserializeOwned>(cursor: &str) -> Result<K, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| ApiError::BadRequest("the cursor is not valid for this list".to_owned()))
}

/// A page answers `200` with `Link: <…>; rel="next"` when another page
/// exists: the request's own URL (from `RAPPORT_PUBLIC_URL`) with the next
/// cursor in place of the old one.
impl<T: Serialize> Responder for Page<T> {
    type Body = BoxBody;

    fn respond_to(self, request: &HttpRequest) -> HttpResponse {
        let mut response = HttpResponse::Ok();
        if let Some(cursor) = &self.next_cursor {
            let mut pairs: Vec<(String, String)> =
                serde_urlencoded::from_str(request.query_string()).unwrap_or_default();
            pairs.retain(|(name, _)| name != "cursor");
            pairs.push(("cursor".to_owned(), cursor.clone()));
            let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
            response.insert_header((
                header::LINK,
                format!(
                    "<{}{}?{query}>; rel=\"next\"",
                    respond::public_url(request),
                    request.path()
                ),
            ));
        }
        response.json(self)
    }
}

/// A whole list answers `200` with the list.
impl<T: Serialize> Responder for WholeList<T> {
    type Body = BoxBody;

    fn respond_to(self, _request: &HttpRequest) -> HttpResponse {
        HttpResponse::Ok().json(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let cursor = encode_cursor(&("ada", 3));
        assert_eq!(
            decode_cursor::<(String, i32)>(&cursor).ok(),
            Some(("ada".to_owned(), 3))
        );
        assert!(decode_cursor::<(String, i32)>("!!!").is_err());
        assert!(decode_cursor::<(String, i32)>(&encode_cursor(&"other shape")).is_err());
    }

    #[test]
    fn a_page_knows_whether_more_follow() {
        let page = Page::from_rows(vec![1, 2, 3], 2, |n| *n, |n| n);
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!(page.next_cursor, Some(encode_cursor(&2)));
        let last = Page::from_rows(vec![1, 2], 2, |n| *n, |n| n);
        assert_eq!(last.next_cursor, None);
    }

    #[test]
    fn limits_outside_one_to_a_hundred_are_refused() {
        let read = |query: &str| serde_urlencoded::from_str::<PageQuery>(query).map(|q| q.limit);
        assert_eq!(read("").ok().map(PageSize::get), Some(25));
        assert_eq!(read("limit=100").ok().map(PageSize::get), Some(100));
        assert!(read("limit=0").is_err());
        assert!(read("limit=101").is_err());
        assert!(read("limit=ten").is_err());
    }
}

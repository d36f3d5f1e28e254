//! Enums stored in `text` columns (each with a `CHECK` that lists its
//! values), under the same names they have on the wire. A row holds the
//! enum from the moment it is loaded, and a stored value the code does not
//! know fails the query (a 500 with the cause logged) instead of turning
//! quietly into some default.

/// Declares such an enum: the variants with their names, the wire and
/// schema derives, `ALL`, `as_str`, and diesel's `ToSql`/`FromSql` for
/// `Text`. The names are taken as `tt`, not `literal`: a `literal`
/// fragment reaches the derives wrapped in an invisible group, which
/// utoipa does not read, and the schema would list the Rust names.
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $text:tt ),+ $(,)?
        }
    ) => {
        // The derives first: a `#[schema(as = …)]` among the attributes
        // is a helper of the `ToSchema` derive.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        $(#[$meta])*
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name {
            $( $(#[$variant_meta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];

            /// The name on the wire and in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<
                    diesel::sql_types::Text,
                    diesel::pg::Pg,
                >>::from_sql(value)?;
                $name::ALL
                    .iter()
                    .copied()
                    .find(|known| known.as_str() == text)
                    .ok_or_else(|| {
                        format!(concat!("no ", stringify!($name), " is stored as {:?}"), text).into()
                    })
            }
        }
    };
}

pub(crate) use stored_enum;

#[cfg(test)]
mod tests {
    stored_enum! {
        /// A test enum.
        pub enum Colour {
            Red = "red",
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn names_round_trip_and_match_serde() {
        for colour in Colour::ALL {
            let json = serde_json::to_value(colour).expect("serialises");
            assert_eq!(json, colour.as_str());
        }
        assert_eq!(Colour::DarkBlue.as_str(), "dark_blue");
    }
}

DROP TABLE contacts;
DROP TABLE employers;
DROP FUNCTION rapport_contact_search_text(text, text, text, text, text, text[]);
DROP FUNCTION rapport_fold(text);
-- The extensions stay: other objects of the database may use them.

-- The admin1 and admin2 names on the place row itself: every candidate a lookup returns needs
-- them, and two index probes of admin_code per candidate were half the lookup's work.
ALTER TABLE place ADD COLUMN admin1_name text, ADD COLUMN admin2_name text;
UPDATE place p SET admin1_name = a.name FROM admin_code a WHERE a.code = p.country || '.' || p.admin1;
UPDATE place p SET admin2_name = a.name FROM admin_code a WHERE a.code = p.country || '.' || p.admin1 || '.' || p.admin2;

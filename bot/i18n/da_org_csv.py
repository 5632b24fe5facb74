"""Dansk: organisationsfilen (CSV) – kolonner og fejl i rækkerne (`org_csv.*`)."""

MESSAGES: dict[str, str] = {
    # Filen som helhed
    "org_csv.empty": "Filen er tom.",
    "org_csv.binary": "Filen er ikke en tekstfil (den indeholder binære tegn). Gem regnearket som »CSV UTF-8« og prøv igen.",
    "org_csv.not_utf8": "Filen er ikke gemt som UTF-8, så æ, ø og å kan ikke læses. Gem regnearket i Excel som »CSV UTF-8 (kommasepareret)« og prøv igen.",
    "org_csv.bad_quotes": 'Anførselstegnene passer ikke sammen. Et felt, der starter med ", skal også slutte med " (og " inde i feltet skrives "").',
    "org_csv.unknown_column": "Ukendt kolonne »{column}« i overskriften. Kolonnerne skal hedde: {columns}.",
    "org_csv.duplicate_column": "Kolonnen »{column}« står to gange i overskriften.",
    "org_csv.missing_column": "Kolonnen »{column}« mangler i overskriften.",
    "org_csv.no_rows": "Filen har kun overskriften – der er ingen personer i den.",
    "org_csv.field_count": "Linjen har {count} felter, men overskriften har {expected}. Står der et komma eller semikolon i et navn uden anførselstegn om?",
    # En enkelt person
    "org_csv.email_bad": "»{email}« er ikke en gyldig e-mailadresse.",
    "org_csv.user_id_bad": "»{user_id}« er ikke et Slack-id. Et Slack-id ligner U0123ABC eller W0123ABC.",
    "org_csv.email_or_id": "Personen skal have en e-mailadresse eller et Slack-id.",
    "org_csv.name_missing": "Navnet mangler.",
    "org_csv.language_bad": "Sproget »{language}« kender jeg ikke. Skriv dansk (da), engelsk (en) eller lad feltet stå tomt.",
    "org_csv.role_unknown": "Rollen »{role}« kender jeg ikke. Brug superbruger, ambassadør, koordinator eller leder (eller på engelsk superuser, ambassador, coordinator, leader) – flere roller skilles med |.",
    "org_csv.ambassador_no_area": "En ambassadør (ambassador) skal have et område i kolonnen area.",
    "org_csv.superuser_no_area": "En superbruger (superuser) skal have det område, dagtilbuddet ligger i, i kolonnen area.",
    "org_csv.superuser_no_daycare": "En superbruger (superuser) skal have sit dagtilbud i kolonnen daycare.",
    "org_csv.superuser_one_area": "En superbruger skal have præcis ét område: det, {daycare} ligger i. Linjen har {areas}.",
    "org_csv.area_unused": "Området »{areas}« bruges kun til ambassadører og superbrugere, og personen er ingen af delene. Slet området eller tilføj rollen.",
    "org_csv.daycare_unused": "Dagtilbuddet »{daycare}« bruges kun til superbrugere, og personen er ikke superbruger. Slet dagtilbuddet eller tilføj rollen superuser.",
    "org_csv.email_duplicate": "E-mailadressen {email} står også i linje {other}.",
    "org_csv.user_id_duplicate": "Slack-id'et {user_id} står også i linje {other}.",
    "org_csv.place_one_area": "En linje uden person beskriver et sted og skal have netop ét område.",
    "org_csv.daycare_two_areas": "{daycare} ligger i område {area} her, men i område {other_area} i linje {other}. Et dagtilbud ligger kun i ét område.",
    "org_csv.daycare_not_in_areas": "{daycare} ligger i område {area} (linje {other}), men det er ikke et af linjens områder ({areas}).",
    "org_csv.daycare_no_common_area": "{daycare} skal ligge i et af områderne {areas} her, men i et af områderne {other_areas} i linje {other} – der er intet område, der passer til begge.",
}

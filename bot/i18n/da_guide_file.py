"""Dansk: vejledninger som filer: `tovholder guides import/export` (`guide_file.*`)."""

MESSAGES: dict[str, str] = {
    # En vejledningsfil
    "guide_file.too_big": "Filen er for stor (over {limit} kB). En vejledning skal være en tekstfil med Markdown.",
    "guide_file.binary": "Filen er ikke en tekstfil (den indeholder binære tegn). Gem vejledningen som ren tekst (.md).",
    "guide_file.not_utf8": "Filen er ikke gemt som UTF-8, så æ, ø og å kan ikke læses. Gem den som UTF-8 og prøv igen.",
    "guide_file.no_front_matter": "Filen skal begynde med en linje med --- efterfulgt af nøglerne (tool, title, purpose …) og endnu en linje med ---.",
    "guide_file.bad_yaml": "Nøglerne mellem --- og --- kan ikke læses (fejl omkring linje {line}). Står der et kolon i en tekst uden anførselstegn om?",
    "guide_file.not_mapping": "Mellem --- og --- skal der stå nøgler med værdier, fx »title: Bee-Bot på gulvet«.",
    "guide_file.unknown_key": "Ukendt nøgle »{key}«. Tilladte nøgler: {keys}.",
    "guide_file.missing_key": "Nøglen »{key}« mangler. Den skal altid være med.",
    "guide_file.empty": "Nøglen »{key}« er tom. Skriv den – en vejledning starter med formålet.",
    "guide_file.not_text": "Nøglen »{key}« skal være en tekst.",
    "guide_file.not_list": "Nøglen »{key}« skal være en liste af tekster, fx [robot, kodning].",
    "guide_file.unknown_value": "»{value}« er ikke en gyldig værdi for »{key}«. Tilladte værdier: {values}.",
    "guide_file.bad_owner": "»{value}« under owner er ikke en e-mailadresse.",
    "guide_file.bad_slug": "»{value}« under slug kan ikke bruges. Brug små bogstaver a–z, tal og bindestreger, fx bee-bot-paa-gulvet.",
    "guide_file.bad_slug_name": "Filnavnet »{name}« giver ikke et brugbart navn til vejledningen. Omdøb filen eller tilføj nøglen slug.",
    "guide_file.bad_verify_days": "»{value}« under verify_days skal være et helt antal dage over 0.",
    "guide_file.duplicate_slug": "Vejledningen »{slug}« findes også i {other}. Hver vejledning må kun stå i én fil.",
}

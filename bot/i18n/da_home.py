"""Dansk: App Home — det, der er ens eget at gøre, for hver rolle (`home.*`)."""

MESSAGES: dict[str, str] = {
    "home.header.person": "Hej {name}",
    "home.header.outsider": "Velkommen til Tovholder",
    "home.intro": "Her er det, der er dit at gøre i netværket lige nu. Siden opdateres, hver gang du åbner den.",
    "home.outsider": (
        "Du er ikke med i netværket af superbrugere og ambassadører endnu. "
        "Spørg {coordinators}, så bliver du sat op. Imens kan du altid finde vejledninger "
        "med `/tool-guide` og stille et spørgsmål til netværket."
    ),
    "home.more": "_… og {count} mere_",
    "home.truncated": "_Der er mere, end siden kan vise. Se hele overblikket med `/tovholder puls`._",
    "home.button.ask": "Stil et spørgsmål",
    "home.button.guide": "Se vejledningen",
    # Superbruger
    "home.superuser.header": "Superbruger i {daycare}",
    "home.superuser.tools": "**Anbefalede redskaber, I ikke bruger endnu**",
    "home.superuser.tool": "**{tool}** – hos jer: {state}",
    "home.superuser.tool_no_guide": "**{tool}** – hos jer: {state} (ingen vejledning endnu)",
    "home.superuser.all_in_use": "_I bruger alle de anbefalede redskaber. Flot!_",
    "home.superuser.trainings": "**Oplæringer, du kan komme til**",
    "home.superuser.no_trainings": "_Der er ingen planlagte oplæringer i {area} lige nu._",
    "home.training.seats": "{left} ledige pladser",
    "home.training.full": "fuldt booket",
    "home.training.said_yes": "du har sagt ja",
    "home.training.said_no": "du har sagt nej",
    "home.superuser.questions": "**Dine spørgsmål, der ikke er løst endnu**",
    "home.superuser.no_questions": "_Du har ingen åbne spørgsmål._",
    "home.question.open": "venter på svar",
    "home.question.answered": "besvaret – sig gerne til i tråden, når det er løst",
    "home.question.line": "• {text} – _{state}_ ({day})",
    "home.superuser.ambassadors": "**Jeres ambassadør:** {names}",
    "home.superuser.ambassadors_several": "**Jeres ambassadører:** {names}",
    "home.superuser.no_ambassador": "**{area} har ingen ambassadør lige nu** – spørg {coordinators}.",
    "home.superuser.ask_hint": "I tvivl om et redskab? Spørg netværket – en ambassadør svarer dig.",
    # Ambassadør
    "home.ambassador.header": "Ambassadør for {areas}",
    "home.ambassador.tests": "**Dine afprøvninger**",
    "home.ambassador.test_next": "• **{tool}** – næste tjekpunkt {day}",
    "home.ambassador.test_done": "• **{tool}** – ingen flere tjekpunkter; luk afprøvningen, når I er færdige",
    "home.ambassador.test_overdue": " · _et tjekpunkt mangler resultat_",
    "home.ambassador.no_tests": "_Du har ingen afprøvninger i gang._",
    "home.ambassador.questions": "**Spørgsmål, der venter på dig**",
    "home.ambassador.question": "• {text} – {asker}, {place}, {day}",
    "home.ambassador.claimed": " _(du har taget det)_",
    "home.ambassador.no_questions": "_Ingen spørgsmål venter på svar._",
    "home.ambassador.guides": "**Dine vejledninger, der skal tjekkes**",
    "home.ambassador.guide": "• **{title}** ({tool}) – sidst tjekket {day}",
    "home.ambassador.no_guides": "_Alle dine vejledninger er tjekket._",
    "home.ambassador.to_train": "**Superbrugere, der ikke har været til oplæring endnu**",
    "home.ambassador.superuser": "• {who} – {daycare}",
    "home.ambassador.no_to_train": "_Alle superbrugere i dine områder har været til oplæring._",
    # Tovholder og ledelse
    "home.leadership.header": "Ugens puls – {week}",
    "home.leadership.area": (
        "**{area}** – testresultater: {results} · vejledninger: {guides} · "
        "spørgsmål: {asked} ({open} venter) · oplæringer: {held} · i afprøvning: {tests}"
    ),
    "home.leadership.no_areas": "_Der er ingen områder endnu._",
    "home.leadership.more": "Hele ugeoverblikket: `/tovholder puls`",
    "home.gaps": "**Huller i netværket**",
    "home.gap.ambassadors": "• Områder uden ambassadør: {names}",
    "home.gap.superusers": "• Dagtilbud uden superbruger ({count}): {names}",
    "home.gap.guides": "• Vejledninger, der skulle have været tjekket: {count}",
    "home.gap.none": "_Ingen huller: alle områder har en ambassadør og alle dagtilbud en superbruger._",
    "home.decisions": "**Beslutninger, der venter på jer**",
    "home.decisions.none": "_Ingen redskaber venter på en beslutning._",
    "home.decision.verdict": "**{tool}** er evalueret og venter på jeres beslutning.",
    "home.decision.spreading": "**{tool}** er anbefalet, men det er ikke besluttet at sprede det.",
    "home.decision.latest": "Seneste beslutning: {decision} ({day})",
    "home.decision.button.approved": "Godkend",
    "home.decision.button.stopped": "Stop",
    "home.decision.button.to_be_spread": "Spred",
    "home.confirm.title.approved": "Godkend {tool}?",
    "home.confirm.title.stopped": "Stop {tool}?",
    "home.confirm.title.to_be_spread": "Spred {tool}?",
    "home.confirm.text.approved": (
        "Beslutningen gemmes på {tool} med dags dato og dit navn og kommer med i næste ugeoverblik."
    ),
    "home.confirm.text.stopped": (
        "Beslutningen gemmes på {tool} med dags dato og dit navn, og en igangværende spredning "
        "stopper."
    ),
    "home.confirm.text.to_be_spread": (
        "Beslutningen gemmes på {tool} med dags dato og dit navn, og de dagtilbud, der ikke "
        "bruger det endnu, får besked."
    ),
    "home.confirm.yes": "Ja, gem beslutningen",
    "home.confirm.no": "Fortryd",
    "home.decisions.footer": "Beslutningerne gemmes på redskabet og kommer med i næste ugeoverblik.",
    # Svar efter et klik
    "home.decided": "Gemt: **{tool}** – {decision} ({day}). Det står nu på redskabet og kommer med i næste ugeoverblik.",
    "home.decided.spreading": "Spredningen er sat i gang: de dagtilbud, der ikke bruger **{tool}**, får besked.",
    "home.decided.repeat": "Du havde allerede gemt **{tool}** – {decision} i dag, så der er ikke gemt en beslutning mere.",
    "home.tool_gone": "Redskabet findes ikke længere.",
}

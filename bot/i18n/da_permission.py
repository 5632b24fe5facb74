"""Dansk: hvad en rolle må, og afvisningen, når man ikke må (`permission.*`)."""

MESSAGES: dict[str, str] = {
    # Rettigheder
    "permission.refused": "Det er kun {roles}, der kan {action}. Spørg {coordinators}.",
    "permission.manage_organisation": "ændre organisationen",
    "permission.manage_settings": "ændre indstillingerne",
    "permission.see_coverage": "se netværkets dækning",
    "permission.write_guides": "skrive vejledninger",
    "permission.run_tool_tests": "starte afprøvninger",
    "permission.plan_trainings": "planlægge oplæringer",
    "permission.answer_sparring": "besvare sparringsspørgsmål",
    "permission.read_guides": "læse vejledninger",
    "permission.ask_questions": "stille spørgsmål",
    "permission.record_decisions": "registrere ledelsens beslutninger om redskaber",
}

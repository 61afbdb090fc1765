"""The valency table: German verbs, nouns and adjectives with the preposition they govern, the
wrong prepositions a literal translation puts in its place, and the LanguageTool rules made from it.

The rules are written into grammar_custom.xml (rule group HOUSE_PRAEPOSITION_REKTION, between the
two markers below) by `python -m checker.languagetool.valency`; a test checks the file holds what
the table gives. A wrong preposition is listed only where it is never right for the word in news
copy; the others are kept in `doubtful`, not flagged.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from checker.languagetool.custom_rules import GRAMMAR_CUSTOM

ValencyCase = Literal["AKK", "DAT"]
ValencyKind = Literal["verb", "reflexive", "noun", "adjective", "transitive"]

BEGIN = "<!-- valency table (checker/languagetool/valency.py): generated rules, begin -->"
END = "<!-- valency table (checker/languagetool/valency.py): generated rules, end -->"


@dataclass(frozen=True)
class Valency:
    """One governing word. `governor` is a verb's lemma (without its separable `particle`) or a
    regular expression of a noun's or adjective's forms; `preposition` and `case` are what German
    takes ("" for a transitive verb, whose object takes no preposition); `wrong` the prepositions
    a literal translation gives it that are never right for the word; `example` a wrong sentence
    with the finding in [brackets] and ` → ` the correction, `correct` a sentence that stays quiet;
    `before_only` an adjective whose phrase is flagged only before it (`auf Importe abhängig`), the
    order after it being a hand-written rule's or ambiguous; `copula_only` one that is also a
    passive participle, flagged before it only with a copula after it (not `wurde von … angewiesen,`)."""

    governor: str
    kind: ValencyKind
    preposition: str
    case: ValencyCase
    wrong: tuple[str, ...] = ()
    doubtful: tuple[str, ...] = ()
    particle: str = ""
    example: str = ""
    correct: str = ""
    before_only: bool = False
    copula_only: bool = False


V = Valency
# fmt: off
VALENCY_TABLE: tuple[Valency, ...] = (
    # verbs with a prepositional object
    V("hängen", "verb", "von", "DAT", ("auf", "zu"), particle="ab",
      example="Die Zukunft des Werks hängt [auf die Aufträge] aus Asien ab. → von den Aufträgen",
      correct="Die Zukunft des Werks hängt von den Aufträgen aus Asien ab."),
    V("abhängen", "verb", "von", "DAT", ("auf", "zu"),
      example="Ob der Plan gelingt, wird [auf die Zustimmung] abhängen. → von der Zustimmung",
      correct="Ob der Plan gelingt, wird von der Zustimmung abhängen."),
    V("teilnehmen", "verb", "an", "DAT", ("zu",), ("in", "auf", "bei"),
      example="Auch Katar will [zu] den Gesprächen teilnehmen. → an",
      correct="Auch Katar will an den Gesprächen teilnehmen."),
    V("beteiligen", "reflexive", "an", "DAT", ("in",),
      example="Die Türkei beteiligt sich [in] der Mission der Vereinten Nationen. → an",
      correct="Die Türkei beteiligt sich in diesem Jahr an der Mission."),
    V("interessieren", "reflexive", "für", "AKK", ("in",), ("an",),
      example="Peking interessiert sich [in dem Projekt] seit Jahren. → für das Projekt",
      correct="In Wien interessiert sich kaum jemand für das Projekt."),
    V("leiden", "verb", "unter", "DAT", ("von",), ("an",),
      example="Die Region leidet seit Monaten [von] der Dürre. → unter",
      correct="Die Region leidet seit Monaten unter der Dürre."),
    V("sterben", "verb", "an", "DAT", ("von",), ("aus",),
      example="Zwei der Verletzten starben später [von] ihren Wunden. → an",
      correct="Zwei der Verletzten starben später an ihren Wunden."),
    V("kümmern", "reflexive", "um", "AKK", ("für", "über"),
      example="Die Behörden kümmern sich [für] die Versorgung der Flüchtlinge. → um",
      correct="Die Behörden kümmern sich um die Versorgung der Flüchtlinge."),
    V("bemühen", "reflexive", "um", "AKK", ("für",),
      example="Die Regierung bemüht sich [für] die Freilassung der Geiseln. → um",
      correct="Die Regierung bemüht sich um die Freilassung der Geiseln."),
    V("tragen", "verb", "zu", "DAT", ("für",), ("in",), particle="bei",
      example="Die neuen Regeln tragen [für die Stabilität] der Märkte bei. → zur Stabilität",
      correct="Die neuen Regeln tragen für die Region zur Stabilität bei."),
    V("beitragen", "verb", "zu", "DAT", ("für",), ("in",),
      example="Das Abkommen soll [für eine Entspannung] beitragen. → zu einer Entspannung",
      correct="Das Abkommen soll zu einer Entspannung beitragen."),
    V("rufen", "verb", "zu", "DAT", ("für",), particle="auf",
      example="Die Opposition rief [für einen Generalstreik] auf. → zu einem Generalstreik",
      correct="Die Opposition rief für Montag zu einem Generalstreik auf."),
    V("aufrufen", "verb", "zu", "DAT", ("für",),
      example="Die Gewerkschaft hat [für einen Generalstreik] aufgerufen. → zu einem Generalstreik",
      correct="Die Gewerkschaft hat zu einem Generalstreik aufgerufen."),
    V("fordern", "verb", "zu", "DAT", ("für",), particle="auf",
      example="Der Rat forderte beide Seiten [für eine Waffenruhe] auf. → zu einer Waffenruhe",
      correct="Der Rat forderte beide Seiten zu einer Waffenruhe auf."),
    V("auffordern", "verb", "zu", "DAT", ("für",),
      example="Die UN haben beide Seiten [für eine Waffenruhe] aufgefordert. → zu einer Waffenruhe",
      correct="Die UN haben beide Seiten zu einer Waffenruhe aufgefordert."),
    V("gratulieren", "verb", "zu", "DAT", ("für",),
      example="Putin gratulierte dem Präsidenten [für den Wahlsieg]. → zum Wahlsieg",
      correct="Putin gratulierte dem Präsidenten zum Wahlsieg."),
    V("beglückwünschen", "verb", "zu", "DAT", ("für",),
      example="Der Kanzler beglückwünschte die Mannschaft [für den Sieg]. → zum Sieg",
      correct="Der Kanzler beglückwünschte die Mannschaft zum Sieg."),
    V("verpflichten", "reflexive", "zu", "DAT", ("für",),
      example="Die Staaten verpflichteten sich [für eine Senkung] der Emissionen. → zu einer Senkung",
      correct="Die Staaten verpflichteten sich für zehn Jahre zu einer Senkung der Emissionen."),
    V("glauben", "verb", "an", "AKK", ("in",),
      example="Viele Anleger glauben noch [in] die Erholung der Wirtschaft. → an",
      correct="Viele Anleger glauben noch an die Erholung der Wirtschaft."),
    V("appellieren", "verb", "an", "AKK", ("zu",),
      example="Der Papst appellierte [zu der Weltgemeinschaft]. → an die Weltgemeinschaft",
      correct="Der Papst appellierte an die Weltgemeinschaft."),
    V("fürchten", "reflexive", "vor", "DAT", ("von",),
      example="Viele Bewohner fürchten sich [von] einer neuen Offensive. → vor",
      correct="Viele Bewohner fürchten sich vor einer neuen Offensive."),
    V("erinnern", "reflexive", "an", "AKK", ("über",),
      example="Der Zeuge erinnerte sich [über] den Anschlag in der Innenstadt. → an",
      correct="Der Zeuge erinnerte sich an den Anschlag in der Innenstadt."),
    V("zweifeln", "verb", "an", "DAT", ("über",), ("in",),
      example="Niemand zweifelt [über den Willen] der Regierung. → am Willen",
      correct="Niemand zweifelt am Willen der Regierung."),
    V("reagieren", "verb", "auf", "AKK", ("über",), ("zu", "an"),
      example="Die Börse reagierte gelassen [über] die Entscheidung der Notenbank. → auf",
      correct="Die Börse reagierte gelassen auf die Entscheidung der Notenbank."),
    V("warten", "verb", "auf", "AKK", (), ("für", "über")),
    V("verlassen", "reflexive", "auf", "AKK", ("an",),
      example="Europa könne sich nicht länger [an] die USA verlassen. → auf",
      correct="Europa könne sich nicht länger auf die USA verlassen."),
    V("konzentrieren", "reflexive", "auf", "AKK", (), ("in", "über")),
    V("verzichten", "verb", "auf", "AKK", (), ("in", "über")),
    V("bestehen", "verb", "aus", "DAT", (), ("von",)),
    V("warnen", "verb", "vor", "DAT", (), ("von", "über")),
    V("bitten", "verb", "um", "AKK", (), ("für",)),
    V("beschweren", "reflexive", "über", "AKK", (), ("von",)),
    V("festhalten", "verb", "an", "DAT", (), ("auf",)),
    V("verstoßen", "verb", "gegen", "AKK", (), ("an",)),
    V("hoffen", "verb", "auf", "AKK", (), ("für",)),
    V("kämpfen", "verb", "um", "AKK", (), ("für",)),
    V("bewerben", "reflexive", "um", "AKK", (), ("für",)),
    V("sorgen", "reflexive", "um", "AKK", (), ("über", "für")),
    V("freuen", "reflexive", "über", "AKK", (), ("auf",)),
    V("einsetzen", "reflexive", "für", "AKK", ()),
    V("entscheiden", "reflexive", "für", "AKK", (), ("über",)),
    V("entschuldigen", "reflexive", "für", "AKK", (), ("über",)),
    V("einigen", "reflexive", "auf", "AKK", (), ("über",)),
    V("verständigen", "reflexive", "auf", "AKK", (), ("über",)),
    V("vorbereiten", "reflexive", "auf", "AKK", (), ("für",)),
    V("gewöhnen", "reflexive", "an", "AKK", ()),
    V("erholen", "reflexive", "von", "DAT", ()),
    V("richten", "reflexive", "gegen", "AKK", (), ("an", "nach")),
    V("auswirken", "reflexive", "auf", "AKK", (), ("in",)),
    V("verweisen", "verb", "auf", "AKK", ()),
    V("hinweisen", "verb", "auf", "AKK", ()),
    V("basieren", "verb", "auf", "DAT", ()),
    V("beruhen", "verb", "auf", "DAT", ()),
    V("zählen", "verb", "auf", "AKK", (), ("zu",)),
    V("achten", "verb", "auf", "AKK", ()),
    V("zielen", "verb", "auf", "AKK", ()),
    V("abzielen", "verb", "auf", "AKK", ()),
    V("antworten", "verb", "auf", "AKK", (), ("zu",)),
    V("streben", "verb", "nach", "DAT", (), ("für",)),
    V("suchen", "verb", "nach", "DAT", (), ("für",)),
    V("fragen", "verb", "nach", "DAT", (), ("für",)),
    V("verlangen", "verb", "nach", "DAT", (), ("für",)),
    V("rufen", "verb", "nach", "DAT", (), ("für",)),
    V("protestieren", "verb", "gegen", "AKK", (), ("über", "auf")),
    V("demonstrieren", "verb", "gegen", "AKK", ()),
    V("abstimmen", "verb", "über", "AKK", (), ("für",)),
    V("verhandeln", "verb", "über", "AKK", ()),
    V("diskutieren", "verb", "über", "AKK", ()),
    V("berichten", "verb", "über", "AKK", (), ("von",)),
    V("informieren", "verb", "über", "AKK", (), ("von",)),
    V("sprechen", "verb", "über", "AKK", ()),
    V("nachdenken", "verb", "über", "AKK", ()),
    V("verfügen", "verb", "über", "AKK", ()),
    V("investieren", "verb", "in", "AKK", ()),
    V("einladen", "verb", "zu", "DAT", (), ("für",)),
    V("führen", "verb", "zu", "DAT", (), ("in",)),
    V("zwingen", "verb", "zu", "DAT", ()),
    V("gehören", "verb", "zu", "DAT", ()),
    V("liefern", "verb", "an", "AKK", (), ("zu",)),
    V("verkaufen", "verb", "an", "AKK", (), ("zu",)),
    V("arbeiten", "verb", "an", "DAT", (), ("in",)),
    V("mangeln", "verb", "an", "DAT", ()),
    V("mitwirken", "verb", "an", "DAT", (), ("in",)),
    V("erkranken", "verb", "an", "DAT", ()),
    V("schützen", "verb", "vor", "DAT", (), ("von", "gegen")),
    V("fliehen", "verb", "vor", "DAT", (), ("von",)),
    V("vertrauen", "verb", "auf", "AKK", ()),
    V("denken", "verb", "an", "AKK", (), ("über",)),
    V("zustimmen", "verb", "", "DAT", (), ("zu", "mit")),
    V("profitieren", "verb", "von", "DAT", ("aus",),
      example="Vor allem China profitiert [aus] dem Handel mit Russland. → von",
      correct="Vor allem China profitiert aus Sicht der Experten vom Handel mit Russland."),
    V("befassen", "reflexive", "mit", "DAT", ("über",),
      example="Der Sicherheitsrat befasst sich [über die Krise] in Haiti. → mit der Krise",
      correct="Der Sicherheitsrat befasst sich über Wochen mit der Krise in Haiti."),
    V("beschäftigen", "reflexive", "mit", "DAT", ("über",),
      example="Die Kommission beschäftigt sich [über den Skandal]. → mit dem Skandal",
      correct="Die Kommission beschäftigt sich mit dem Skandal."),
    # transitive verbs: the object takes no preposition
    V("beeinflussen", "transitive", "", "AKK", ("auf",),
      example="Die Zölle beeinflussen [auf die] Preise in Europa. → die",
      correct="Die Zölle beeinflussen auf den Märkten die Preise."),
    V("betonen", "transitive", "", "AKK", ("auf",),
      example="Der Minister betonte [auf die] Bedeutung der Zusammenarbeit. → die",
      correct="Der Minister betonte auf der Pressekonferenz die Bedeutung der Zusammenarbeit."),
    V("besprechen", "transitive", "", "AKK", ("über",),
      example="Die Außenminister besprachen [über die] Krise in Gaza. → die",
      correct="Die Außenminister besprachen über eine Stunde die Krise in Gaza."),
    V("erörtern", "transitive", "", "AKK", ("über",),
      example="Die beiden Präsidenten erörterten [über den] Ausbau des Handels. → den",
      correct="Die beiden Präsidenten erörterten den Ausbau des Handels."),
    V("bekämpfen", "transitive", "", "AKK", ("gegen",),
      example="Die Armee bekämpft [gegen die] Aufständischen im Norden. → die",
      correct="Die Armee bekämpft die Aufständischen im Norden."),
    V("beantworten", "transitive", "", "AKK", ("auf",),
      example="Der Sprecher beantwortete [auf die] Fragen der Journalisten nicht. → die",
      correct="Der Sprecher beantwortete die Fragen der Journalisten nicht."),
    V("bedauern", "transitive", "", "AKK", ("über",),
      example="Die Regierung bedauerte [über den] Vorfall. → den",
      correct="Die Regierung bedauerte den Vorfall."),
    V("betreten", "transitive", "", "AKK", ("in",),
      example="Die Inspektoren wollten [in das] Gelände betreten. → das",
      correct="Die Inspektoren wollten das Gelände betreten."),
    V("kritisieren", "transitive", "", "AKK", (), ("über", "für")),
    V("unterzeichnen", "transitive", "", "AKK", ("auf",),
      example="Beide Seiten unterzeichneten [auf ein] Abkommen über Zölle. → ein",
      correct="Beide Seiten unterzeichneten auf dem Gipfel ein Abkommen über Zölle."),
    V("kommentieren", "transitive", "", "AKK", ("über",),
      example="Das Ministerium wollte sich weigern, [über den] Bericht zu kommentieren. → den",
      correct="Das Ministerium wollte den Bericht nicht kommentieren."),
    V("unterstützen", "transitive", "", "AKK", (), ("für",)),
    V("erreichen", "transitive", "", "AKK", (), ("zu",)),
    V("verurteilen", "transitive", "", "AKK", (), ("über",)),
    # nouns
    V("Suche|Suchen", "noun", "nach", "DAT", ("für",),
      example="Die Suche [für die Vermissten] wurde eingestellt. → nach den Vermissten",
      correct="Die Suche nach den Vermissten wurde eingestellt."),
    V("Aufruf|Aufrufe|Aufrufen|Aufrufs|Aufrufes", "noun", "zu", "DAT", ("für",),
      example="Der Aufruf [für einen Boykott] fand wenig Gehör. → zu einem Boykott",
      correct="Der Aufruf zu einem Boykott fand wenig Gehör."),
    V("Beitritt|Beitritts|Beitrittes", "noun", "zu", "DAT", ("in",),
      example="Die Ukraine strebt den Beitritt [in die Europäische Union] an. → zur Europäischen Union",
      correct="Die Ukraine strebt den Beitritt zur Europäischen Union an."),
    V("Zugang|Zugangs|Zugänge|Zutritt", "noun", "zu", "DAT", ("auf",), ("für",),
      example="Die Häftlinge haben keinen Zugang [auf Anwälte]. → zu Anwälten",
      correct="Die Häftlinge haben keinen Zugang zu Anwälten."),
    V("Zugriff|Zugriffs", "noun", "auf", "AKK", ("zu",),
      example="Die Ermittler erhielten Zugriff [zu den Dateien]. → auf die Dateien",
      correct="Die Ermittler erhielten Zugriff auf die Dateien."),
    V("Glaube|Glauben", "noun", "an", "AKK", ("in",),
      example="Der Glaube [in] die Demokratie ist erschüttert. → an",
      correct="Der Glaube an die Demokratie ist erschüttert."),
    V("Furcht", "noun", "vor", "DAT", ("von",),
      example="Die Furcht [von] einem neuen Krieg wächst. → vor",
      correct="Die Furcht vor einem neuen Krieg wächst."),
    V("Verzicht|Verzichts", "noun", "auf", "AKK", ("über",),
      example="Der Verzicht [über] die Erhöhung wurde begrüßt. → auf",
      correct="Der Verzicht auf die Erhöhung wurde begrüßt."),
    V("Lösung|Lösungen", "noun", "für", "AKK", (), ("zu",)),
    V("Interesse|Interessen", "noun", "an", "DAT", (), ("in", "für")),
    V("Beteiligung", "noun", "an", "DAT", (), ("in",)),
    V("Teilnahme", "noun", "an", "DAT", (), ("in", "auf", "bei")),
    V("Kritik", "noun", "an", "DAT", (), ("gegen", "über")),
    V("Einfluss|Auswirkung|Auswirkungen", "noun", "auf", "AKK", (), ("über",)),
    V("Reaktion|Antwort", "noun", "auf", "AKK", (), ("zu",)),
    V("Abhängigkeit", "noun", "von", "DAT", (), ("auf",)),
    V("Angst", "noun", "vor", "DAT", ("über",), ("von",),
      example="Die Angst [über einen Krieg] wächst. → vor einem Krieg",
      correct="Die Angst vor einem Krieg wächst."),
    V("Mangel", "noun", "an", "DAT", (), ("von",)),
    V("Nachfrage|Sehnsucht", "noun", "nach", "DAT", (), ("für",)),
    V("Sanktionen", "noun", "gegen", "AKK", (), ("auf",)),
    V("Verstoß", "noun", "gegen", "AKK", (), ("an",)),
    V("Protest|Widerstand|Einspruch", "noun", "gegen", "AKK", (), ("auf",)),
    V("Anspruch|Anrecht", "noun", "auf", "AKK", (), ("für",)),
    V("Forderung|Forderungen", "noun", "nach", "DAT", (), ("für",)),
    V("Ruf", "noun", "nach", "DAT", (), ("für",)),
    V("Wunsch", "noun", "nach", "DAT", (), ("für",)),
    V("Bedarf", "noun", "an", "DAT", (), ("für",)),
    V("Anteil", "noun", "an", "DAT", (), ("in",)),
    V("Zweifel", "noun", "an", "DAT", (), ("über",)),
    V("Vertrauen", "noun", "in", "AKK", ()),
    V("Hoffnung", "noun", "auf", "AKK", (), ("für",)),
    V("Respekt", "noun", "vor", "DAT", (), ("für",)),
    V("Appell", "noun", "an", "AKK", (), ("zu", "für")),
    V("Warnung|Warnungen", "noun", "vor", "DAT", ("über",),
      example="Die Warnung [über den Sturm] kam zu spät. → vor dem Sturm",
      correct="Die Warnung über Lautsprecher kam zu spät."),
    V("Sorge|Sorgen", "noun", "um", "AKK", (), ("über",)),
    V("Beziehungen", "noun", "zu", "DAT", (), ("mit",)),
    V("Einladung", "noun", "zu", "DAT", (), ("für",)),
    V("Beitrag", "noun", "zu", "DAT", (), ("für",)),
    V("Voraussetzung", "noun", "für", "AKK", ()),
    V("Grund", "noun", "für", "AKK", ()),
    V("Ursache", "noun", "für", "AKK", ()),
    V("Gefahr|Bedrohung", "noun", "für", "AKK", ()),
    V("Unterstützung", "noun", "für", "AKK", ()),
    V("Verantwortung", "noun", "für", "AKK", (), ("über",)),
    V("Kontrolle", "noun", "über", "AKK", ()),
    V("Einigung", "noun", "auf", "AKK", (), ("über",)),
    V("Verhandlungen|Gespräche", "noun", "über", "AKK", ()),
    V("Angriff|Angriffe", "noun", "auf", "AKK", (), ("gegen",)),
    V("Druck", "noun", "auf", "AKK", ()),
    V("Fokus", "noun", "auf", "AKK", (), ("in",)),
    V("Investitionen", "noun", "in", "AKK", ()),
    V("Austritt|Ausstieg|Rückzug", "noun", "aus", "DAT", (), ("von",)),
    V("Jagd", "noun", "auf", "AKK", (), ("nach",)),
    V("Recht", "noun", "auf", "AKK", (), ("für",)),
    V("Verbot", "noun", "von", "DAT", ()),
    V("Besorgnis", "noun", "über", "AKK", ()),
    V("Stolz", "noun", "auf", "AKK", ()),
    V("Freude", "noun", "über", "AKK", ()),
    V("Gewöhnung", "noun", "an", "AKK", ()),
    V("Erinnerung", "noun", "an", "AKK", ()),
    V("Hinweis|Hinweise", "noun", "auf", "AKK", ()),
    V("Zustimmung", "noun", "zu", "DAT", (), ("für",)),
    V("Mitgliedschaft", "noun", "in", "DAT", ()),
    V("Nachfolger", "noun", "von", "DAT", ()),
    # adjectives and participles
    V("beteiligt|beteiligte[nmrs]?", "adjective", "an", "DAT", ("in",),
      example="Alle Staaten sind beteiligt [in] der Mission. → an",
      correct="Alle Staaten sind an der Mission beteiligt."),
    V("reich|reiche[nmrs]?", "adjective", "an", "DAT", ("in",),
      example="Das Land ist reich [in] Rohstoffen. → an",
      correct="Das Land ist reich an Rohstoffen."),
    V("zufrieden|zufriedene[nmrs]?", "adjective", "mit", "DAT", ("von",),
      example="Der Trainer zeigte sich zufrieden [von] der Leistung. → mit",
      correct="Der Trainer zeigte sich zufrieden mit der Leistung."),
    V("stolz|stolze[nmrs]?", "adjective", "auf", "AKK", ("von",), ("über",),
      example="Die Stadt ist stolz [von ihrem Erbe]. → auf ihr Erbe",
      correct="Die Stadt ist stolz auf ihr Erbe."),
    V("interessiert", "adjective", "an", "DAT", ("in",), before_only=True,
      example="Die Regierung sei [in] einer raschen Lösung interessiert. → an",
      correct="Die Regierung sei an einer raschen Lösung interessiert."),
    V("abhängig", "adjective", "von", "DAT", ("auf",), before_only=True,
      example="Die Wirtschaft ist fast vollständig [auf Importe] abhängig. → von Importen",
      correct="Die Wirtschaft ist fast vollständig von Importen abhängig."),
    V("stolz", "adjective", "auf", "AKK", ("über",), before_only=True,
      example="Der Trainer ist [über] seine Mannschaft stolz. → auf",
      correct="Der Trainer ist auf seine Mannschaft stolz."),
    V("arm", "adjective", "an", "DAT", ("in",),
      example="Das Land ist arm [in] Rohstoffen. → an",
      correct="Das Land ist arm an Rohstoffen."),
    V("besorgt", "adjective", "über", "AKK", (), ("von", "an")),
    V("verantwortlich|zuständig", "adjective", "für", "AKK", (), ("über", "von")),
    V("angewiesen", "adjective", "auf", "AKK", ("von",), before_only=True, copula_only=True,
      example="Die Insel wird noch lange [von Hilfslieferungen] angewiesen sein. → auf Hilfslieferungen",
      correct="Die Behörde wurde von einer Richterin angewiesen, die Akten herauszugeben."),
    V("überzeugt", "adjective", "von", "DAT", (), ("über",)),
    V("einverstanden", "adjective", "mit", "DAT", (), ("über",)),
    V("typisch", "adjective", "für", "AKK", (), ("von",)),
    V("bereit", "adjective", "zu", "DAT", (), ("für",)),
    V("fähig", "adjective", "zu", "DAT", (), ("für",)),
    V("gespannt", "adjective", "auf", "AKK", ()),
    V("froh", "adjective", "über", "AKK", ()),
    V("dankbar", "adjective", "für", "AKK", ()),
    V("offen", "adjective", "für", "AKK", ()),
    V("frei", "adjective", "von", "DAT", ()),
    V("verwickelt", "adjective", "in", "AKK", ()),
    V("vertraut", "adjective", "mit", "DAT", ()),
    V("neidisch", "adjective", "auf", "AKK", ()),
    V("wütend", "adjective", "auf", "AKK", ()),
    V("enttäuscht|überrascht", "adjective", "von", "DAT", ()),
    V("empört", "adjective", "über", "AKK", ()),
    V("bekannt", "adjective", "für", "AKK", ()),
    V("zuversichtlich", "adjective", "", "DAT", ()),
    V("süchtig", "adjective", "nach", "DAT", ()),
    V("verheiratet", "adjective", "mit", "DAT", ()),
    V("gleichgültig", "adjective", "gegenüber", "DAT", ()),
)
# fmt: on

# The cases a preposition governs (two-way prepositions both).
PREPOSITION_CASES: dict[str, tuple[ValencyCase, ...]] = {
    "für": ("AKK",), "gegen": ("AKK",), "um": ("AKK",), "durch": ("AKK",), "ohne": ("AKK",),
    "von": ("DAT",), "zu": ("DAT",), "mit": ("DAT",), "aus": ("DAT",), "bei": ("DAT",), "nach": ("DAT",),
    "in": ("AKK", "DAT"), "an": ("AKK", "DAT"), "auf": ("AKK", "DAT"), "über": ("AKK", "DAT"),
    "vor": ("AKK", "DAT"), "unter": ("AKK", "DAT"),
}  # fmt: skip
# Preposition + dem / der / das written as one word.
_DEM = {"an": "am", "in": "im", "von": "vom", "zu": "zum", "bei": "beim"}
_DER = {"zu": "zur"}
_DAS = {"an": "ans", "in": "ins", "auf": "aufs"}
_CONTRACTION_TABLES: tuple[tuple[dict[str, str], ValencyCase, tuple[str, ...]], ...] = (
    (_DEM, "DAT", ("MAS", "NEU")),
    (_DER, "DAT", ("FEM",)),
    (_DAS, "AKK", ("NEU",)),
)
_CONTRACTIONS: dict[str, tuple[tuple[str, ValencyCase, str], ...]] = {
    prep: tuple(
        (word, case, gender)
        for table, case, genders in _CONTRACTION_TABLES
        if prep in table
        for word in (table[prep],)
        for gender in genders
    )
    for prep in PREPOSITION_CASES
}
_REFLEXIVE = "sich|mich|dich|uns|euch"
# Heads of set phrases and circumstances after a preposition that belongs to the clause ("in Höhe
# von", "im Rahmen", "auf Einladung", "in einer Erklärung").
_SET_HEADS = (
    "Höhe|Hinblick|Bezug|Rahmen|Zuge|Folge|Anbetracht|Form|Sachen|Auftrag|Namen|Richtung|Seiten|Kraft|Ordnung|"
    "Zusammenhang|Fall|Falle|Lage|Kosten|Grund|Basis|Antrag|Initiative|Einladung|Wunsch|Anfrage|Gunsten|Ort|"
    "Zukunft|Vorfeld|Gegensatz|Interview|Erklärung|Mitteilung|Pressekonferenz|Stellungnahme|Brief|Rede|Sitzung|"
    "Gespräch|Weise|Art|Augenblick|Lauf|Verlauf|Hälfte|Ausland|Inland|Land|Stadt|Region|Hauptstadt|Nähe|Mitte|"
    "Nacht|Morgen|Abend|Regel|Tat|Schnitt|Gange|Prinzip|Grunde|Verbindung|Zeitraum|Mehrheit|Minderheit|Sicht|"
    "Perspektive|Gründen|Protest|Anlass|Empfang|Verdacht|Vorwurf|Vorwürfen|Grundlage|Angaben|Informationen"
)


def _case_change_word(prep: str, case: ValencyCase, gender: str, article: str) -> str:
    """The right preposition with a definite article, contracted where German contracts it."""
    if case == "DAT" and gender in ("MAS", "NEU") and prep in _DEM:
        return _DEM[prep]
    if case == "DAT" and gender == "FEM" and prep in _DER:
        return _DER[prep]
    if case == "AKK" and gender == "NEU" and prep in _DAS and article == "das":
        return _DAS[prep]
    return f"{prep} {article}"


def _forms(prep: str) -> str:
    return "|".join([prep, *dict.fromkeys(word for word, _, _ in _CONTRACTIONS.get(prep, ()))])


@dataclass(frozen=True)
class _Phrase:
    """The wrong preposition and the noun phrase after it: tokens (XML), how many of them the
    marker spans, and the suggestion, where {d}, {a} and {h} stand for the numbers of the
    determiner, adjective and head noun in the whole pattern (counted from the preposition)."""

    name: str
    tokens: tuple[str, ...]
    marked: int
    suggestion: str
    same_case: bool


# Capitalised adjectives of names ("Europäische Union", "Vereinten Nationen"): adjectives, not heads.
_PROPER_ADJECTIVE = "[A-ZÄÖÜ][a-zäöü]*(isch|lich|ig|al|ar|iert|igt|eint)"


def _np_rest(avoid: str) -> str:
    """The rest of a noun phrase before a clause-final verb; not a name or place ("in der Region beteiligen")."""
    return (
        '<token min="0" max="3" postag="(ART|PRO:(POS|DEM|IND)|ADJ|PA[12]|SUB|ZAL).*" postag_regexp="yes">'
        f'<exception postag="(VER|EIG).*" postag_regexp="yes"/><exception regexp="yes">{avoid}</exception></token>'
    )


def _head(case: str, agreement: str, avoid: str) -> str:
    return (
        f'<token postag="SUB:{case}:{agreement}.*" postag_regexp="yes"><exception postag="EIG.*" postag_regexp="yes"/>'
        f'<exception regexp="yes" case_sensitive="yes">{_PROPER_ADJECTIVE}e[nmrs]?</exception>'
        f'<exception regexp="yes">{avoid}</exception></token>'
    )


def _adjective(case: str, agreement: str, ending: str) -> str:
    return (
        f'<token min="0" postag="(ADJ|PA[12]):{case}:{agreement}.*|SUB.*|EIG.*|UNKNOWN" postag_regexp="yes" '
        f'regexp="yes" case_sensitive="yes">([a-zäöü].*|{_PROPER_ADJECTIVE}){ending}'
        '<exception postag="ZAL.*" postag_regexp="yes"/></token>'
    )


def _same_case(wrong: str, right: str, case: ValencyCase, avoid: str, transitive: bool) -> Iterator[_Phrase]:
    other_case = "DAT" if case == "AKK" else "AKK"
    ambiguous = (
        f'<exception postag="(ART|PRO|ADJ|PA[12]|SUB).*:{other_case}:.*" postag_regexp="yes"/>'
        if len(PREPOSITION_CASES[wrong]) == 2
        else ""
    )
    names = "" if ambiguous else "|EIG.*"  # after a two-way preposition a name is a place
    first = (
        f'<token postag="(ART|PRO:(POS|DEM|IND)|ADJ|PA[12]|SUB).*:{case}:.*{names}" postag_regexp="yes">{ambiguous}'
        f'<exception regexp="yes">{avoid}</exception></token>'
    )
    if transitive:
        yield _Phrase("same case", (f"<token>{wrong}</token>", first), 2, '<match no="{d}"/>', True)
    else:
        yield _Phrase("same case", (f"<token>{wrong}</token>", first), 1, right, True)
    for word, word_case, gender in _CONTRACTIONS[wrong]:
        if word_case != case:
            continue
        article = "das" if case == "AKK" else "der" if gender == "FEM" else "dem"
        fix = _case_change_word(right, case, gender, article) if right else article
        yield _Phrase(
            f"contracted {word} {gender}",
            (
                f"<token>{word}</token>",
                _adjective(case, f"SIN:{gender}", "e[nmrs]?"),
                _head(case, f"SIN:{gender}", avoid),
            ),
            1,
            fix,
            True,
        )


def _accusative_to_dative(wrong: str, right: str, avoid: str) -> Iterator[_Phrase]:
    prep = f"<token>{wrong}</token>"
    for gender, article in (("MAS", "den"), ("FEM", "die"), ("NEU", "das")):
        yield _Phrase(
            f"definite {gender}",
            (
                prep,
                f'<token postag="ART:DEF:AKK:SIN:{gender}.*" postag_regexp="yes">{article}</token>',
                _adjective("AKK", f"SIN:{gender}", "e[nmrs]?"),
                _head("AKK", f"SIN:{gender}", avoid),
            ),
            4,
            f"{_case_change_word(right, 'DAT', gender, 'der' if gender == 'FEM' else 'dem')} "
            '<match no="{a}" regexp_match="e[nmrs]?$" regexp_replace="en"/> <match no="{h}"/>',
            False,
        )
    yield _Phrase(
        "determiner singular",
        (
            prep,
            '<token postag="(ART|PRO:(POS|DEM|IND)).*:AKK:SIN.*" postag_regexp="yes">'
            '<exception regexp="yes">den|die|das</exception></token>',
            _adjective("AKK", "SIN", "e[nmrs]?"),
            _head("AKK", "SIN", avoid),
        ),
        4,
        f'{right} <match no="{{d}}" postag="(.*):AKK:(SIN.*)" postag_regexp="yes" postag_replace="$1:DAT:$2"/> '
        '<match no="{a}" regexp_match="e[nmrs]?$" regexp_replace="en"/> <match no="{h}"/>',
        False,
    )
    yield _Phrase(
        "determiner plural",
        (
            prep,
            '<token postag="(ART|PRO:(POS|DEM|IND)).*:AKK:PLU.*" postag_regexp="yes"/>',
            _adjective("AKK", "PLU", "e[nmrs]?"),
            _head("AKK", "PLU", avoid),
        ),
        4,
        f'{right} <match no="{{d}}" postag="(.*):AKK:(PLU.*)" postag_regexp="yes" postag_replace="$1:DAT:$2"/> '
        '<match no="{a}" regexp_match="e[nmrs]?$" regexp_replace="en"/> '
        '<match no="{h}" regexp_match="(?&lt;![ns])$" regexp_replace="n"/>',
        False,
    )
    yield _Phrase(
        "plural",
        (
            prep,
            '<token min="0" postag="(ADJ|PA[12]):AKK:PLU.*" postag_regexp="yes" regexp="yes" case_sensitive="yes">'
            '[a-zäöü].*e<exception postag="(ART|PRO|ZAL).*" postag_regexp="yes"/></token>',
            f'<token postag="SUB:AKK:PLU.*" postag_regexp="yes"><exception postag="(EIG|ART|PRO|ADJ|PA[12]|VER).*" '
            f'postag_regexp="yes"/><exception regexp="yes">{avoid}</exception></token>',
        ),
        3,
        f'{right} <match no="{{a}}" regexp_match="e$" regexp_replace="en"/> '
        '<match no="{h}" regexp_match="(?&lt;![ns])$" regexp_replace="n"/>',
        False,
    )


_AKK_ENDING = {"MAS": "en", "FEM": "e", "NEU definite": "e", "NEU indefinite": "es", "PLU": "en"}


def _dative_to_accusative(wrong: str, right: str, avoid: str) -> Iterator[_Phrase]:
    prep = f"<token>{wrong}</token>"
    determiners = {
        "MAS": '<token postag="(ART|PRO:(POS|DEM|IND)).*:DAT:SIN:MAS.*" postag_regexp="yes"/>',
        "FEM": '<token postag="(ART|PRO:(POS|DEM|IND)).*:DAT:SIN:FEM.*" postag_regexp="yes"/>',
        "NEU definite": '<token postag="(ART|PRO:(POS|DEM|IND)).*:DAT:SIN:NEU.*" postag_regexp="yes" regexp="yes">'
        "dem|diesem|jenem|jedem</token>",
        "NEU indefinite": '<token postag="(ART|PRO:(POS|DEM|IND)).*:DAT:SIN:NEU.*" postag_regexp="yes">'
        '<exception regexp="yes">dem|diesem|jenem|jedem|welchem</exception></token>',
        "PLU": '<token postag="(ART|PRO:(POS|DEM|IND)).*:DAT:PLU.*" postag_regexp="yes"/>',
    }
    for name, determiner in determiners.items():
        agreement = "PLU" if name == "PLU" else "SIN:" + name.split()[0]
        if name == "PLU":
            determiner_fix = (
                '<match no="{d}" postag="(.*):DAT:PLU(:(?:MAS|FEM|NEU)(?::BEG|:B/S)?|)" postag_regexp="yes" '
                'postag_replace="$1:AKK:PLU$2"/>'
            )
            head_fix = '<match no="{h}" postag="SUB:DAT:PLU(.*)" postag_regexp="yes" postag_replace="SUB:AKK:PLU$1"/>'
        else:
            gender = name.split()[0]
            determiner_fix = (
                f'<match no="{{d}}" postag="(.*):DAT:SIN:{gender}((?::BEG|:B/S)?|)" postag_regexp="yes" '
                f'postag_replace="$1:AKK:SIN:{gender}$2"/>'
            )
            head_fix = '<match no="{h}"/>'
        yield _Phrase(
            name,
            (prep, determiner, _adjective("DAT", agreement, "en"), _head("DAT", agreement, avoid)),
            4,
            f"{right} {determiner_fix} "
            f'<match no="{{a}}" regexp_match="en$" regexp_replace="{_AKK_ENDING[name]}"/> {head_fix}',
            False,
        )
    yield _Phrase(
        "plural",
        (
            prep,
            '<token postag="(ADJ|PA[12]):DAT:PLU.*" postag_regexp="yes" regexp="yes" case_sensitive="yes">[a-zäöü].*en'
            '<exception postag="(ART|PRO|ZAL).*" postag_regexp="yes"/>'
            '<exception regexp="yes">beiden|vielen|wenigen|einigen|mehreren|anderen|allen</exception></token>',
            _head("DAT", "PLU", avoid),
        ),
        3,
        f'{right} <match no="{{a}}" regexp_match="en$" regexp_replace="e"/> '
        '<match no="{h}" postag="SUB:DAT:PLU(.*)" postag_regexp="yes" postag_replace="SUB:AKK:PLU$1"/>',
        False,
    )
    yield _Phrase(
        "bare plural",
        (
            prep,
            f'<token postag="SUB:DAT:PLU.*" postag_regexp="yes"><exception postag="(EIG|ART|PRO|ADJ|PA[12]|VER).*" '
            f'postag_regexp="yes"/><exception regexp="yes">{avoid}</exception></token>',
        ),
        2,
        f'{right} <match no="{{h}}" postag="SUB:DAT:PLU(.*)" postag_regexp="yes" postag_replace="SUB:AKK:PLU$1"/>',
        False,
    )
    for word, word_case, gender in _CONTRACTIONS[wrong]:
        if word_case != "DAT":
            continue
        article = {"MAS": "den", "FEM": "die", "NEU": "das"}[gender]
        ending = {"MAS": "en", "FEM": "e", "NEU": "e"}[gender]
        yield _Phrase(
            f"contracted {word} {gender}",
            (f"<token>{word}</token>", _adjective("DAT", f"SIN:{gender}", "en"), _head("DAT", f"SIN:{gender}", avoid)),
            3,
            f"{_case_change_word(right, 'AKK', gender, article)} "
            f'<match no="{{a}}" regexp_match="en$" regexp_replace="{ending}"/> <match no="{{h}}"/>',
            False,
        )


def _avoid(wrong: str) -> str:
    return f"&rektion_zeit;|{_SET_HEADS}" + ("|&rektion_kanal;" if wrong == "über" else "")


def _phrases(entry: Valency, wrong: str, verb_final: bool) -> Iterator[_Phrase]:
    """Every noun phrase shape after `wrong`, with the right preposition's phrase for it."""
    avoid = _avoid(wrong)
    transitive = entry.kind == "transitive"
    wrong_cases = PREPOSITION_CASES[wrong]
    if entry.case in wrong_cases:
        yield from _same_case(wrong, entry.preposition, entry.case, avoid, transitive)
    if transitive:
        return  # a dative after a two-way preposition is a place, not a misplaced object
    for other in wrong_cases:
        if other == entry.case:
            continue
        if verb_final and other == "DAT" and len(wrong_cases) == 2:
            continue  # "in der Region glauben": a place, with no clause end to tell
        if other == "AKK":
            yield from _accusative_to_dative(wrong, entry.preposition, avoid)
        else:
            yield from _dative_to_accusative(wrong, entry.preposition, avoid)


@dataclass(frozen=True)
class _Order:
    """A word order: tokens before and after the phrase, the governing word's number, and what
    may lie between the phrase and what follows it."""

    name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    governor: int  # 0: the last token of `after`
    skip_boundary: str


# not past another finite verb: the phrase would be that verb's ("Ich glaube, Erfahrung ist … im Leben")
_NO_FINITE_VERB = (
    '<exception scope="next" postag="VER:[123].*" postag_regexp="yes" regexp="yes" case_sensitive="yes">'
    "[a-zäöü].*</exception>"
)
_COPULA = "ist|sind|sei|seien|war|waren|wäre|wären|bleibt|bleiben|blieb|blieben|bliebe|sein|zu|gewesen|geworden"


def _orders(entry: Valency) -> Iterator[_Order]:
    right_forms = f"|{_forms(entry.preposition)}" if entry.preposition else ""
    boundary = f"&rektion_grenze;{right_forms}"
    word = f'<token regexp="yes" case_sensitive="yes">{entry.governor}</token>'
    if entry.kind in ("noun", "adjective") and not entry.before_only:
        yield _Order("after the word", (word,), (), 1, "")
    if entry.kind == "adjective":
        # a predicative adjective after its phrase, closing the clause or before its copula
        ends = "" if entry.copula_only else "[,;.:!?)–]|und|oder|aber|sondern|"
        closes = f'<token regexp="yes">{ends}{_COPULA}</token>'
        predicative = "|".join(form for form in entry.governor.split("|") if "[" not in form)
        yield _Order("before the word", (), (word.replace(entry.governor, predicative), closes), 0, "")
    if entry.kind in ("noun", "adjective"):
        return
    if entry.kind == "reflexive":
        before: tuple[str, ...] = (
            f'<token inflected="yes" regexp="yes" postag="VER:[123].*" postag_regexp="yes">{entry.governor}</token>',
            '<token min="0" max="2" postag="PRO:PER.*|EIG.*|ADV.*" postag_regexp="yes"/>',
            f'<token regexp="yes" skip="5">{_REFLEXIVE}'
            f'<exception scope="next" regexp="yes">{boundary}</exception>{_NO_FINITE_VERB}</token>',
        )
    else:
        before = (
            f'<token inflected="yes" regexp="yes" postag="VER:[123].*" postag_regexp="yes" skip="5">{entry.governor}'
            f'<exception scope="next" regexp="yes">{boundary}</exception>{_NO_FINITE_VERB}</token>',
        )
    closing = (f"<token>{entry.particle}</token>",) if entry.particle else ()
    end = '<token regexp="yes">[,;.:!?]|und|oder|aber|sondern</token>'
    yield _Order("verb second", before, (*closing, end), 1, f"dass|weil|wenn|ob|als|wie{right_forms}")
    if not entry.particle:
        final = f'<token inflected="yes" regexp="yes" postag="VER.*|PA2.*" postag_regexp="yes">{entry.governor}</token>'
        # the verb closes its clause: not the finite verb after a fronted phrase ("In Wien beteiligten sich …")
        closes = '<token regexp="yes">[,;.:!?)–]|und|oder|aber|sondern|&aux_fin_inf;</token>'
        yield _Order("verb final", (), (final, closes), 0, "")
        yield _Order("zu-infinitive", (), ("<token>zu</token>", final, closes), 0, "")


def _with_skip(token: str, boundary: str) -> str:
    # nor over a verb closing the clause: another verb governs the phrase ("glaubt sich in … versetzt")
    exception = (
        f'<exception scope="next" regexp="yes">{boundary}</exception>'
        '<exception scope="next" postag="(VER|PA2).*" postag_regexp="yes" regexp="yes" case_sensitive="yes">'
        "[a-zäöü].*</exception>"
        # only a genitive attribute or a phrase of its own, no further object ("gratulierte für … dem Präsidenten")
        '<exception scope="next" regexp="yes">'
        "dem|den|die|das|einen|einem|eine|ein|diesem|diesen|seinem|seinen|ihrem|ihren</exception>"
    )
    token = token.replace("<token ", '<token skip="4" ', 1)
    if token.endswith("/>"):
        return token[:-2] + f">{exception}</token>"
    return token[: -len("</token>")] + exception + "</token>"


def _rule(entry: Valency, wrong: str, order: _Order, phrase: _Phrase) -> str:
    tokens = list(phrase.tokens)
    if order.skip_boundary:
        # after a preposition alone the phrase may run on; not into a span of time ("über eine Stunde")
        times = f"|{_avoid(wrong)}" if phrase.same_case else ""
        tokens[-1] = _with_skip(tokens[-1], order.skip_boundary + times)
    elif not order.governor and phrase.same_case and len(tokens) == 2:
        tokens.append(_np_rest(_avoid(wrong)))
    if not order.governor and wrong == "von":
        # "von" right after a noun is the noun's attribute ("im Schatten vom Geschlecht gelitten")
        attribute = '<exception scope="previous" postag="SUB.*" postag_regexp="yes"/>'
        tokens[0] = tokens[0].replace("</token>", f"{attribute}</token>", 1)
    first = sum(token.count("<token") for token in order.before) + 1
    numbers = {"d": first + 1, "a": first + (2 if len(phrase.tokens) == 4 else 1), "h": first + len(phrase.tokens) - 1}
    suggestion = phrase.suggestion.format(**{key: str(value) for key, value in numbers.items()})
    governor = order.governor or first + len(tokens) + len(order.after) - 2
    takes = f"mit '{entry.preposition}'" if entry.preposition else "mit dem Akkusativ, ohne Präposition"
    lines = [
        f"            <rule><!-- {entry.governor}: {wrong} → {entry.preposition or 'object'}; "
        f"{order.name}; {phrase.name} -->",
        "                <pattern>",
        *(f"                    {token}" for token in order.before),
        "                    <marker>",
        *(f"                        {token}" for token in tokens[: phrase.marked]),
        "                    </marker>",
        *(f"                    {token}" for token in tokens[phrase.marked :]),
        *(f"                    {token}" for token in order.after),
        "                </pattern>",
        f"                <message>'\\{governor}' steht {takes}: <suggestion>{suggestion}</suggestion>.</message>",
        f"                <short>{entry.preposition or 'Akkusativobjekt'}</short>",
        "            </rule>",
    ]
    return "\n".join(lines)


def _examples(entries: list[Valency]) -> list[str]:
    lines = []
    for entry in entries:
        if not entry.example:
            continue
        text, fix = entry.example.rsplit(" → ", 1)
        marked = re.sub(r"\[([^\]]*)\]", r"<marker>\1</marker>", text)
        lines.append(f'                <example correction="{fix}">{marked}</example>')
        lines.append(f"                <example>{entry.correct}</example>")
    return lines


def render_valency_rules() -> str:
    """The rules the table gives, as they stand between the markers in grammar_custom.xml."""
    groups: dict[tuple[ValencyKind, str, ValencyCase, str, str, bool, bool], list[Valency]] = defaultdict(list)
    for entry in VALENCY_TABLE:
        for wrong in entry.wrong:
            key = (
                entry.kind,
                entry.preposition,
                entry.case,
                wrong,
                entry.particle,
                entry.before_only,
                entry.copula_only,
            )
            groups[key].append(entry)
    rules: list[str] = []
    for (_, preposition, case, wrong, particle, before_only, copula_only), entries in groups.items():
        governor = "|".join(entry.governor for entry in entries)
        merged = Valency(
            governor,
            entries[0].kind,
            preposition,
            case,
            (wrong,),
            particle=particle,
            before_only=before_only,
            copula_only=copula_only,
        )
        examples = _examples(entries)
        for order in _orders(merged):
            for phrase in _phrases(merged, wrong, not order.governor):
                rule = _rule(merged, wrong, order, phrase)
                if examples:
                    rule = rule.replace("\n            </rule>", "\n" + "\n".join(examples) + "\n            </rule>")
                    examples = []
                rules.append(rule)
    return "\n".join([f"            {BEGIN}", *rules, f"            {END}"])


def write_valency_rules() -> None:
    """Replace the generated rules in grammar_custom.xml with what the table gives now."""
    text = GRAMMAR_CUSTOM.read_text(encoding="utf-8")
    start = text.rindex("\n", 0, text.index(BEGIN)) + 1
    end = text.index(END) + len(END)
    GRAMMAR_CUSTOM.write_text(text[:start] + render_valency_rules() + text[end:], encoding="utf-8")


if __name__ == "__main__":
    write_valency_rules()
    sys.exit(0)

"""Small CORDIS and list-of-operations files in the documented layouts, written by the tests
(tests/test_import_*.py): a quoted semicolon, an empty date, a comma decimal, a BOM, a wrong column
count, a duplicate row, and organisations that a French web page names too."""

from __future__ import annotations

import zipfile
from pathlib import Path

BOM = "\ufeff"
PROJECT_HEADER = ('"id";"acronym";"status";"title";"startDate";"endDate";"totalCost";"ecMaxContribution";'
                  '"legalBasis";"topics";"ecSignatureDate";"frameworkProgramme";"masterCall";"subCall";'
                  '"fundingScheme";"nature";"objective";"contentUpdateDate";"rcn";"grantDoi"')
PROJECTS = [
    '"101000001";"HYDROSEA";"SIGNED";"Offshore electrolysis; green hydrogen at sea";"2022-01-01";"2025-12-31";'
    '"4999875,5";"4999875,5";"HORIZON.2.5";"HORIZON-CL5-2021-D3-01-01";"2021-11-20";"HORIZON";'
    '"HORIZON-CL5-2021-D3-01";"HORIZON-CL5-2021-D3-01";"HORIZON-RIA";"";"Hydrogen produced at sea.";'
    '"2023-03-01 10:00:00";"240001";"10.3030/101000001"',
    '"101000002";"SMARTGRID";"SIGNED";"Smart grids for islands";"2022-02-01";"";"1200000";"1000000";'
    '"HORIZON.2.5";"HORIZON-CL5-2021-D3-02-01";"2021-12-01";"HORIZON";"HORIZON-CL5-2021-D3-02";'
    '"HORIZON-CL5-2021-D3-02";"HORIZON-IA";"";"Islands.";"2023-02-01 10:00:00";"240002";""',
]
DUPLICATE_PROJECT = PROJECTS[1]
SHORT_PROJECT = '"101000003";"BROKEN";"SIGNED";"Too few columns";"2022-02-01"'
ORG_HEADER = ('"projectID";"projectAcronym";"organisationID";"vatNumber";"name";"shortName";"SME";"activityType";'
              '"street";"postCode";"city";"country";"nutsCode";"geolocation";"organizationURL";"contactForm";'
              '"contentUpdateDate";"rcn";"order";"role";"ecContribution";"netEcContribution";"totalCost";'
              '"endOfParticipation";"active"')
ORGS = [
    '"101000001";"HYDROSEA";"999977945";"DK30060946";"DANMARKS TEKNISKE UNIVERSITET";"DTU";"false";"HES";'
    '"Anker Engelunds Vej 1";"2800";"Kongens Lyngby";"DK";"DK012";"";"http://www.dtu.dk";"";'
    '"2023-03-01 10:00:00";"1";"1";"coordinator";"2000000,25";"2000000,25";"2000000,25";"false";"true"',
    '"101000001";"HYDROSEA";"999990655";"";"REGION NORMANDIE";"";"false";"PUB";"Place Reine Mathilde";"14035";'
    '"Caen";"FR";"FRD11";"";"https://www.normandie.fr";"";"2023-03-01 10:00:00";"2";"2";"participant";'
    '"1000000";"1000000";"1000000";"false";"true"',
    '"101000001";"HYDROSEA";"999997930";"";"CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE CNRS";"CNRS";"false";'
    '"REC";"Rue Michel Ange 3";"75794";"Paris";"FR";"FR101";"";"";"";"2023-03-01 10:00:00";"3";"3";'
    '"thirdParty";"0";"0";"0";"false";"true"',
    '"101000002";"SMARTGRID";"999977945";"DK30060946";"DANMARKS TEKNISKE UNIVERSITET";"DTU";"false";"HES";'
    '"Anker Engelunds Vej 1";"2800";"Kongens Lyngby";"DK";"DK012";"";"http://www.dtu.dk";"";'
    '"2023-02-01 10:00:00";"4";"1";"participant";"500000";"500000";"500000";"true";"false"',
]
ORPHAN_ORG = ('"101000009";"NOPE";"999977945";"";"DANMARKS TEKNISKE UNIVERSITET";"DTU";"false";"HES";"";"";"";'
              '"DK";"";"";"";"";"";"5";"1";"participant";"1";"1";"1";"false";"true"')

WEB_PAGE = """Coopération franco-danoise sur l'hydrogène vert

La Région Normandie s'associe à Danmarks Tekniske Universitet (DTU), l'université technique du Danemark \
à Kongens Lyngby, pour développer l'électrolyse en mer. Le Centre national de la recherche scientifique \
(CNRS) participe aussi.
"""

FR_OPERATIONS = (
    BOM + "Identifiant de l'opération;Nom du bénéficiaire;N° TVA intracommunautaire;Intitulé de l'opération;"
    "Résumé de l'opération;Date de début;Date de fin;Coût total éligible (€);Taux de cofinancement UE;"
    "Code postal;Commune;Catégorie d'intervention;Fonds;Programme\n"
    "NO0012345;Région Normandie;;\"Hydrogène; ports normands\";Électrolyseurs dans les ports;01/03/2023;;"
    "1 250 000,50;60 %;14035;Caen;056;FEDER;Programme FEDER-FSE+ Normandie 2021-2027\n"
    "NO0012346;Caen la mer;;Tramway vert;Décarbonation;15/01/2022;31/12/2024;800 000;40%;14000;Caen;073;FEDER;"
    "Programme FEDER-FSE+ Normandie 2021-2027\n"
    "NO0012346;Caen la mer;;Tramway vert;Décarbonation;15/01/2022;31/12/2024;800 000;40%;14000;Caen;073;FEDER;"
    "Programme FEDER-FSE+ Normandie 2021-2027\n"
    "NO0012347;Normandie Incubation;;Incubateur;;01/01/2022\n"
    "NO0012348;Port de Cherbourg;;Quai;Quai;31/02/2022;;100,5;50%;50100;Cherbourg;079;FEDER;"
    "Programme FEDER-FSE+ Normandie 2021-2027\n"
)

DA_OPERATIONS = (
    "Journalnummer;Støttemodtager;CVR-nummer;Projekttitel;Projektets formål;Startdato;Slutdato;"
    "Samlede støtteberettigede udgifter (EUR);EU-medfinansieringssats;Postnummer;By;NUTS;Interventionskategori;"
    "Fond;Program\n"
    "RFD-21-0001;Danmarks Tekniske Universitet;30060946;Grøn brint;Brint fra havvind;01-09-2022;31-08-2025;"
    "2.500.000,75;40 %;2800;Kongens Lyngby;DK012;056;EFRU;Danmarks Erhvervsfremmeprogram 2021-2027\n"
    "RFD-21-0002;CNRS;;Fransk samarbejde;Forskning;01-01-2023;;100.000;40 %;1000;København;DK011;056;EFRU;"
    "Danmarks Erhvervsfremmeprogram 2021-2027\n"
)


def write_cordis(folder: Path, *, projects: list[str] | None = None, orgs: list[str] | None = None,
                 broken: bool = True) -> Path:
    """The two CORDIS files in ``folder``; ``broken`` adds the duplicate, short and orphan rows."""
    folder.mkdir(parents=True, exist_ok=True)
    project_rows = list(projects or PROJECTS) + ([DUPLICATE_PROJECT, SHORT_PROJECT] if broken else [])
    org_rows = list(orgs or ORGS) + ([ORPHAN_ORG] if broken else [])
    (folder / "project.csv").write_text(BOM + "\n".join([PROJECT_HEADER, *project_rows]) + "\n", encoding="utf-8")
    (folder / "organization.csv").write_text("\n".join([ORG_HEADER, *org_rows]) + "\n", encoding="utf-8")
    return folder


def zip_of(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for name in ("project.csv", "organization.csv"):
            archive.write(folder / name, f"cordis-HORIZONprojects-csv/{name}")
    return target

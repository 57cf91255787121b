"""CORDIS-sized import: generate a download in the documented layout (35,000 projects, 180,000
participations of 30,000 organisations by default), import it with ``innograph import cordis``
under ``/usr/bin/time -v``, then resolve, and print time, rows per second and peak memory.

    .venv/bin/python bench/import_bench.py [--projects N] [--participations N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_COLUMNS = ["id", "acronym", "status", "title", "startDate", "endDate", "totalCost", "ecMaxContribution",
                   "legalBasis", "topics", "ecSignatureDate", "frameworkProgramme", "masterCall", "subCall",
                   "fundingScheme", "nature", "objective", "contentUpdateDate", "rcn", "grantDoi"]
ORG_COLUMNS = ["projectID", "projectAcronym", "organisationID", "vatNumber", "name", "shortName", "SME",
               "activityType", "street", "postCode", "city", "country", "nutsCode", "geolocation", "organizationURL",
               "contactForm", "contentUpdateDate", "rcn", "order", "role", "ecContribution", "netEcContribution",
               "totalCost", "endOfParticipation", "active"]
COUNTRIES = [("DK", "DK01"), ("FR", "FRD1"), ("NL", "NL32"), ("BE", "BE21"), ("DE", "DEA2"), ("EL", "EL30"),
             ("UK", "UKI3"), ("ES", "ES51"), ("IT", "ITC4"), ("SE", "SE11")]
WORDS = ["green", "hydrogen", "smart", "grid", "ocean", "energy", "health", "data", "robotics", "climate", "soil",
         "water", "circular", "materials"]


def row(values: list[str]) -> str:
    return ";".join('"' + v.replace('"', '""') + '"' for v in values) + "\n"


def generate(folder: Path, projects: int, participations: int, organisations: int, seed: int = 15) -> None:
    rng = random.Random(seed)
    with (folder / "project.csv").open("w", encoding="utf-8") as out:
        out.write("\ufeff" + row(PROJECT_COLUMNS))
        for i in range(projects):
            title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + "; a study"
            objective = " ".join(rng.choice(WORDS) for _ in range(250))  # CORDIS objectives run ~2,000 characters
            out.write(row([str(101_000_000 + i), f"P{i}", "SIGNED", title, "2022-01-01", "2025-12-31",
                           f"{rng.randint(10**5, 10**7)},5", f"{rng.randint(10**5, 10**7)},25", "HORIZON.2.5",
                           f"HORIZON-CL5-2021-D3-{i % 90:02d}", "2021-11-20", "HORIZON", "HORIZON-CL5-2021-D3",
                           f"HORIZON-CL5-2021-D3-{i % 90:02d}", "HORIZON-RIA", "", objective,
                           "2023-03-01 10:00:00", str(240_000 + i), f"10.3030/{101_000_000 + i}"]))
    with (folder / "organization.csv").open("w", encoding="utf-8") as out:
        out.write(row(ORG_COLUMNS))
        for i in range(participations):
            project, org = i * projects // participations, rng.randrange(organisations)
            country, nuts = COUNTRIES[org % len(COUNTRIES)]
            out.write(row([str(101_000_000 + project), f"P{project}", str(900_000_000 + org), f"{country}{org:08d}",
                           f"ORGANISATION NUMBER {org}", f"ORG{org}", "false", "REC", "Main street 1", "1000",
                           f"City {org % 500}", country, nuts + "1", "", f"https://org{org}.example", "",
                           "2023-03-01 10:00:00", str(i), str(i % 7 + 1), "coordinator" if i % 7 == 0 else
                           "participant", "100000,5", "100000,5", "120000", "false", "true"]))


def timed(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak resident kB and stdout of a command under /usr/bin/time -v."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, check=False)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if wall is None or peak is None:
        sys.exit(f"no /usr/bin/time figures:\n{done.stderr[-2000:]}")
    hours, minutes, seconds = int(wall.group(1) or 0), int(wall.group(2)), float(wall.group(3))
    return hours * 3600 + minutes * 60 + seconds, int(peak.group(1)), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=35_000)
    parser.add_argument("--participations", type=int, default=180_000)
    parser.add_argument("--organisations", type=int, default=30_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="innograph-import-bench-"))
    (work / "download").mkdir(parents=True, exist_ok=True)
    generate(work / "download", args.projects, args.participations, args.organisations)
    innograph = str(Path(sys.executable).parent / "innograph")
    store = ["--store", str(work / "store")]
    rows = args.projects + args.participations
    for label in ("first import", "re-import, unchanged"):
        seconds, peak, out = timed([innograph, "import", "cordis", str(work / "download"), *store, "--no-resolve",
                                    "--no-progress"])
        print(f"{label}: {rows} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s, peak RSS {peak / 1024:.0f} MB, "
              f"load average after {os.getloadavg()[0]:.1f}")
        print("  " + out.splitlines()[1])
    seconds, peak, out = timed([innograph, "resolve", *store])
    print(f"resolve: {seconds:.1f} s, peak RSS {peak / 1024:.0f} MB; {out.strip()}")


if __name__ == "__main__":
    main()

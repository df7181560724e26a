"""Texts written by hand, not from the generator's templates: a check that the detectors
work on text they were not tuned on. Negatives are whole texts; the positive text lists its
sensitive values, labelled where they occur."""

NEGATIVES = [
    "## Changelog\n### 2.14.0 (2024-11-02)\n- Bump tokio from 1.38.1 to 1.41.0 (#1234)\n- Fix panic in parser when input is 4294967295 bytes long\n- Support IPv6 literals like [::1]:8080 in config\n- Build 20241102.3 shipped to 12 regions; p99 latency 184 ms (was 231 ms)",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: billing-api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/billing-api:2.14.0\n          ports:\n            - containerPort: 8080\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: billing-db\n                  key: password\n          resources:\n            limits:\n              cpu: 500m\n              memory: 512Mi",
    "id,date,amount,qty,sku\n1001,2024-03-01,149.99,2,4006381333931\n1002,2024-03-02,89.50,1,5901234123457\n1003,2024-03-03,1249.00,1,0012345678905",
    "The quadratic 3x^2 + 12x - 36 = 0 has roots x = 2 and x = -6; at t = 0.5 s the velocity is 4.9 m/s.\nCall me when you land! My flight is AF 1234, arriving 18:45, terminal 2E, gate K41.\nPage 1 of 12 — Section 4.2.1 — Figure 3-7 — Table A-12 — ISO 27001:2022 — RFC 9110 — CVE-2024-3094.\n会议纪要：2024年第三季度销售额增长15%，共计1,250台设备，下次会议在3月15日下午2点。\nDie Auslieferung erfolgt in KW 47; Bestellnummer 4711-0815-42, Lieferschein 2024/11/1234.\nLe colis 6A12345678901 arrivera entre 9h et 13h ; référence client 0412 554 887.\nSELECT * FROM users WHERE id IN (1234567890, 9876543210) AND created_at > '2024-01-01 00:00:00';\nsha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nDocker image digest sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4\nconst uuid = \"123e4567-e89b-12d3-a456-426614174000\"; const port = 5432; const retries = 3;\nlat/long 48.8566, 2.3522 — population 2,102,650 (2023) — area 105.4 km²\n",
    "Hey! Quick question about the refactor. In `src/lib.rs` line 1042 we call `parse_u64(\"18446744073709551615\")`",
    "and it overflows on 32-bit targets. Also the test `test_ipv4_parse(\"256.1.1.1\")` should fail but passes.",
    "I bumped serde to 1.0.210 and regex to 1.11.1; the CI run #48213 took 12m 31s on ubuntu-22.04.",
    "Meeting notes 14/11: budget approved, 3 new hires, launch on 1 December. Action items: 1) update deck 2) call vendor.",
    "import numpy as np",
    "x = np.linspace(0, 10, 1000)",
    "y = 3.14159 * x ** 2 + 2.71828",
    "print(f\"max={y.max():.2f}, argmax={y.argmax()}\")",
    "For support, open a ticket at help.example.com or ping the #oncall channel; do not share passwords in chat.",
    "The password must be at least 12 characters and contain a digit.",
    "token = request.headers.get(\"Authorization\", \"\").removeprefix(\"Bearer \")",
    "if not secret_key: raise ValueError(\"SECRET_KEY must be set\")",
    "AWS_SECRET_ACCESS_KEY = os.environ[\"AWS_SECRET_ACCESS_KEY\"]",
    "git commit -m \"Fix #4521: handle 0x7fffffff in crc32\"",
    "Version 10.0.19045.3693, build 22H2, kernel 5.15.0-91-generic, OpenSSL 3.0.2 15 Mar 2022",
    "Order total (before tax) was 1,299.00 and shipping 15.99; VAT 20%.",
    "He was born in 1985 and moved to Berlin in 2010; his daughter turns 7 on 12 March.",
    "Dimensions: 1920x1080 @ 144Hz, 27\", 6.5 kg; serial SN-2024-000123; MAC 3c:22:fb:9a:11:0e",
    "Le 12/03/2024 à 14h30, réunion salle 204 ; 3e étage, bâtiment B.",
    "Tracking: 1Z999AA10123456784 — UPS — delivered 11/14/2024 10:42"
]

POSITIVE = "Hi Claude, can you rewrite this email to my client more politely?\n\n\"Dear Mr. Tanaka, as discussed on the phone (+81 3-5555-0199), the remaining €12,400 for phase 2 is overdue.\nPlease transfer it to FR76 3000 6000 0112 3456 7890 189 (BIC AGRIFRPP) by Friday. My SIRET is on the invoice.\nIf you prefer card, the terminal accepts 5425 2334 3010 9903. You can also reach my assistant Marie at\nmarie.dupont@studio-lumen.fr or 06 12 34 56 78. Our office is at 18 rue des Martyrs, 75009 Paris.\nFor the staging server use ssh deploy@51.15.200.7 with the key below, and the DB is\npostgresql://lumen:V7x!pQ2s9Lk@db.lumen.internal:5432/app. The Stripe key is sk_live_51HxYzAbCdEfGhIjKlMnOpQr.\nMy date of birth for the contract: 04/07/1988. SSN (US entity): 219-09-9998.\"\n"

POSITIVE_VALUES = [
    [
        "Tanaka",
        "PERSON"
    ],
    [
        "Marie",
        "PERSON"
    ],
    [
        "+81 3-5555-0199",
        "PHONE"
    ],
    [
        "€12,400",
        "MONEY"
    ],
    [
        "FR76 3000 6000 0112 3456 7890 189",
        "IBAN"
    ],
    [
        "5425 2334 3010 9903",
        "CREDIT_CARD"
    ],
    [
        "marie.dupont@studio-lumen.fr",
        "EMAIL"
    ],
    [
        "06 12 34 56 78",
        "PHONE"
    ],
    [
        "18 rue des Martyrs, 75009 Paris",
        "ADDRESS"
    ],
    [
        "51.15.200.7",
        "IP_ADDRESS"
    ],
    [
        "postgresql://lumen:V7x!pQ2s9Lk@db.lumen.internal:5432/app",
        "URL_CREDENTIALS"
    ],
    [
        "sk_live_51HxYzAbCdEfGhIjKlMnOpQr",
        "SECRET"
    ],
    [
        "04/07/1988",
        "DATE_OF_BIRTH"
    ],
    [
        "219-09-9998",
        "NATIONAL_ID"
    ]
]

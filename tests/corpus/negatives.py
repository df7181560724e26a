"""Text that holds nothing sensitive but looks like it might: what makes a guard cry wolf.

Code, logs, configuration files and prose full of numbers (dates, times, versions, prices
without a currency, percentages, order and tracking numbers, ISBNs, UUIDs, git hashes), and
near misses (a card number with a wrong check digit, an IBAN with a wrong checksum, an SSN with
an area that is never issued, placeholders where a password would be).
"""

import string
import uuid

import checksums as ck


def _d(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def _hex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _date(rng):
    return f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _time(rng):
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _version(rng):
    return f"{rng.randint(0, 20)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"


def _bad_card(rng):
    number = ck.luhn_complete("4" + _d(rng, 14))
    last = str((int(number[-1]) + rng.randint(1, 9)) % 10)
    bad = number[:-1] + last
    return " ".join(bad[i:i + 4] for i in range(0, 16, 4))


def _bad_iban(rng):
    good = ck.iban("DE", _d(rng, 18))
    check = (int(good[2:4]) + rng.randint(1, 50)) % 97 + 2
    bad = f"DE{check:02d}{good[4:]}"
    if bad == good:
        bad = f"DE{(check + 1) % 97 + 2:02d}{good[4:]}"
    return " ".join(bad[i:i + 4] for i in range(0, len(bad), 4))


def code(rng):
    return rng.choice([
        f"def retry(attempts={rng.randint(2, 9)}, backoff={rng.randint(1, 9)}.{rng.randint(0, 9)}):\n    for i in range({rng.randint(3, 12)}):\n        time.sleep(backoff * 2 ** i)\n",
        f"const TIMEOUT_MS = {rng.randint(1000, 60000)};\nconst password = process.env.DB_PASSWORD;\nconst token = await getToken(user.id);\n",
        f"let buffer = vec![0u8; {rng.randint(512, 65536)}];\nlet hash = \"{_hex(rng, 40)}\";\nassert_eq!(crc32(&buffer), 0x{_hex(rng, 8)});\n",
        f"SELECT id, total FROM orders WHERE created_at > '{_date(rng)}' AND total > {rng.randint(10, 999)}.{_d(rng, 2)} LIMIT {rng.randint(10, 500)};",
        f"if password == confirm_password:\n    user.set_password(password)\n    user.save()\n",
        f"api_key = os.getenv(\"OPENAI_API_KEY\")\nclient = OpenAI(api_key=api_key, timeout={rng.randint(10, 120)})\n",
        f"docker run -p {rng.randint(3000, 9000)}:{rng.randint(3000, 9000)} -e TOKEN=$TOKEN node:{rng.randint(14, 22)}-alpine",
        f"npm install lodash@{_version(rng)} react@{_version(rng)} --save",
        f"pip install requests=={_version(rng)} numpy>={_version(rng)}",
        f"git checkout {_hex(rng, 40)}\ngit cherry-pick {_hex(rng, 7)}",
        f"@Override\npublic int hashCode() {{ return Objects.hash(id, {rng.randint(17, 97)}); }}",
        f"matrix = [[{rng.randint(1, 99)}, {rng.randint(1, 99)}, {rng.randint(1, 99)}], [{rng.randint(1, 99)}, {rng.randint(1, 99)}, {rng.randint(1, 99)}]]",
        f"color: #{_hex(rng, 6)}; margin: {rng.randint(0, 40)}px {rng.randint(0, 40)}px; z-index: {rng.randint(1, 9999)};",
        f"  \"version\": \"{_version(rng)}\",\n  \"dependencies\": {{ \"express\": \"^{_version(rng)}\" }}",
        f"for (let i = 0; i < {rng.randint(10, 1000)}; i++) {{ sum += values[i] * {rng.randint(2, 9)}; }}",
        f"std::vector<int> ids = {{{rng.randint(100, 999)}, {rng.randint(100, 999)}, {rng.randint(100, 999)}}};",
        f"password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds={rng.randint(10, 14)}))",
        f"max_tokens = {rng.randint(256, 8192)}\ntemperature = 0.{rng.randint(1, 9)}\ntoken_count = len(tokens)",
        f"image_data = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA{_hex(rng, 20)}\"",
        f"CREATE TABLE invoices (id SERIAL, amount NUMERIC({rng.randint(8, 14)},2), due DATE DEFAULT '{_date(rng)}');",
    ])


def log_line(rng):
    return rng.choice([
        f"{_date(rng)}T{_time(rng)}.{_d(rng, 3)}Z INFO request_id={_uuid(rng)} status=200 latency={rng.randint(1, 900)}ms",
        f"[{_date(rng)} {_time(rng)}] WARN worker-{rng.randint(1, 16)} retry {rng.randint(1, 5)}/5 after {rng.randint(100, 5000)}ms",
        f"{_time(rng)} nginx/{_version(rng)} GET /api/v{rng.randint(1, 3)}/orders/{rng.randint(1000, 99999)} 304 {rng.randint(100, 9000)}",
        f"pod/api-{_hex(rng, 10)}-{_hex(rng, 5)} restarted {rng.randint(1, 30)} times, exit code {rng.randint(0, 137)}",
        f"commit {_hex(rng, 40)}\nAuthor: build-bot\nDate:   {_date(rng)} {_time(rng)} +0000",
        f"trace_id={_hex(rng, 32)} span_id={_hex(rng, 16)} duration_us={rng.randint(100, 999999)}",
        f"Build #{rng.randint(1000, 9999)} finished in {rng.randint(1, 59)}m {rng.randint(1, 59)}s (version {_version(rng)}+build.{rng.randint(1, 999)})",
        f"user_id={rng.randint(100000, 999999)} session={_hex(rng, 24)} cart_items={rng.randint(1, 9)} ts={rng.randint(1600000000, 1800000000)}",
        f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/{rng.randint(100, 130)}.0.{rng.randint(1000, 6999)}.{rng.randint(10, 200)} Safari/537.36",
        f"kernel: [{rng.randint(1, 99999)}.{_d(rng, 6)}] usb 1-{rng.randint(1, 4)}: new high-speed USB device number {rng.randint(2, 30)}",
    ])


def config(rng):
    return rng.choice([
        f"server:\n  port: {rng.randint(1024, 65000)}\n  workers: {rng.randint(1, 32)}\ndatabase:\n  password: ${{DB_PASSWORD}}\n  pool: {rng.randint(5, 50)}",
        f"[app]\nversion = \"{_version(rng)}\"\ntimeout = {rng.randint(5, 300)}\napi_key = \"<your-api-key>\"\n",
        f"AWS_REGION=eu-west-{rng.randint(1, 3)}\nAWS_SECRET_ACCESS_KEY=${{AWS_SECRET_ACCESS_KEY}}\nRETRIES={rng.randint(1, 9)}",
        f"replicas: {rng.randint(1, 12)}\nimage: registry.example.com/api:{_version(rng)}\nresources:\n  limits: {{cpu: {rng.randint(100, 4000)}m, memory: {rng.randint(128, 8192)}Mi}}",
        f"password: changeme\nusername: admin\n# TODO: move to vault before {_date(rng)}",
        f"DATABASE_URL=postgres://user:password@localhost:{rng.randint(5432, 5439)}/dev",
        f"connection_timeout={rng.randint(1, 60)}\nmax_connections={rng.randint(10, 500)}\nsecret_name=prod/db/credentials",
        f"cron: \"{rng.randint(0, 59)} {rng.randint(0, 23)} * * {rng.randint(0, 6)}\"\nretention_days: {rng.randint(7, 365)}",
    ])


def prose(rng):
    return rng.choice([
        f"The meeting moved to {_date(rng)} at {rng.randint(9, 17)}:{rng.choice(['00', '15', '30', '45'])}; bring the Q{rng.randint(1, 4)} numbers.",
        f"Revenue grew {rng.randint(2, 40)}.{rng.randint(0, 9)}% year over year, with {rng.randint(1000, 99999):,} units shipped.",
        f"Your order #{_d(rng, 3)}-{_d(rng, 7)}-{_d(rng, 7)} has shipped; tracking number 1Z{_hex(rng, 6).upper()}{_d(rng, 10)}.",
        f"See chapter {rng.randint(1, 30)}, pages {rng.randint(10, 300)}-{rng.randint(301, 600)} of ISBN 978-{rng.randint(0, 9)}-{_d(rng, 3)}-{_d(rng, 5)}-{rng.randint(0, 9)}.",
        f"Upgrade to version {_version(rng)} before {_date(rng)}; {_version(rng)} is end of life.",
        f"Ticket JIRA-{rng.randint(100, 9999)} is blocked by PR #{rng.randint(100, 9999)} (build {rng.randint(1000, 99999)}).",
        f"The recipe needs {rng.randint(100, 900)} g flour, {rng.randint(1, 5)} eggs and {rng.randint(10, 90)} minutes at {rng.randint(150, 230)} degrees.",
        f"Invoice INV-{rng.randint(2020, 2026)}-{_d(rng, 5)} was approved on {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2020, 2026)}.",
        f"Flight LH {rng.randint(100, 999)} departs at {rng.randint(6, 22)}:{rng.randint(10, 59)} from gate B{rng.randint(1, 60)}, seat {rng.randint(1, 40)}C.",
        f"We measured {rng.randint(1, 99)}.{_d(rng, 3)} ms p50 and {rng.randint(100, 999)}.{_d(rng, 2)} ms p99 over {rng.randint(1000, 100000)} requests.",
        f"Room {rng.randint(100, 1999)}, floor {rng.randint(1, 40)}; the code for the door is on the whiteboard.",
        f"会议定于{rng.randint(2024, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日下午{rng.randint(1, 5)}点，请准备第{rng.randint(1, 4)}季度的数据。",
        f"La version {_version(rng)} corrige {rng.randint(2, 40)} bugs ; la réunion est le {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2024, 2026)}.",
        f"Die Lieferung {_d(rng, 10)} kommt am {rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(2024, 2026)} 🚚",
        f"Population grew from {rng.randint(1, 9)}.{rng.randint(1, 9)} million to {rng.randint(10, 99)}.{rng.randint(1, 9)} million between {rng.randint(1950, 1990)} and {rng.randint(1991, 2020)}.",
        f"Use the road ahead and turn at mile {rng.randint(1, 300)}; the way back takes {rng.randint(2, 9)} hours.",
        f"The password policy requires {rng.randint(8, 16)} characters; reset links expire after {rng.randint(15, 60)} minutes.",
        f"Share the token count ({rng.randint(1000, 128000)}) and the secret sauce recipe, not the keys 🔑.",
        f"Score: {rng.randint(0, 5)}-{rng.randint(0, 5)} at minute {rng.randint(1, 90)}; {rng.randint(20000, 80000):,} fans attended.",
        f"Coordinates {rng.randint(10, 80)}.{_d(rng, 4)}, {rng.randint(10, 170)}.{_d(rng, 4)} — elevation {rng.randint(100, 4000)} m.",
        f"Stock SKU {_d(rng, 13)} is back; we sold {rng.randint(10, 999)} at {rng.randint(5, 99)}.{rng.randint(10, 99)} each.",
        f"Email me at name at domain dot com, or ping @{rng.choice(['jane', 'ops', 'devrel'])} on Slack.",
        f"My birthday party is on Saturday; the venue fits {rng.randint(20, 80)} people and costs less than last year.",
        f"The UUID {_uuid(rng)} identifies the tenant; the other one is {_uuid(rng)}.",
        f"Parcel {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 2)} is in transit.",
    ])


def near_miss(rng):
    return rng.choice([
        f"Test card {_bad_card(rng)} should be declined by the validator.",
        f"The IBAN {_bad_iban(rng)} failed the checksum, ask again.",
        f"SSN 000-{rng.randint(10, 99)}-{_d(rng, 4)} is not a valid number.",
        f"Keys look like AKIA followed by 16 characters, e.g. AKIA{_hex(rng, 6).upper()} (truncated).",
        f"Use sk_live_ keys only in production; sk_test_ keys elsewhere.",
        f"The JWT header is eyJhbGciOiJIUzI1NiJ9 and the rest was cut off.",
        f"-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
        f"Order {rng.randint(100, 999)}-{rng.randint(100, 999)}-{_d(rng, 4)} is ready for pickup.",
        f"Serial number {rng.randint(1000000000, 9999999999)} on the back of the device.",
        f"mysql://root:<password>@localhost:3306/app",
        f"password = \"${{PASSWORD}}\" and token = \"{{{{ vault_token }}}}\"",
        f"Account 12345678 at sort code 12-34-56 (example values from the docs).",
        f"Ref {_d(rng, 9)} / case {_d(rng, 12)}",
        f"Coordinates: {rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}",
        f"version {rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}.{rng.randint(0, 999)}",
        f"It costs {rng.randint(10, 999)} (points, not money) and {rng.randint(1, 99)}% of players finish.",
    ])


def generate(rng, count):
    makers = [code, log_line, config, prose, prose, near_miss]
    out = []
    for _ in range(count):
        pieces = [rng.choice(makers)(rng) for _ in range(rng.randint(1, 3))]
        out.append("\n".join(pieces))
    return out

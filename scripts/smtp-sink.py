#!/usr/bin/env python3
"""A mail server for tests: SMTP on 127.0.0.1:PORT (aiosmtpd) that writes each message it receives to
DIRECTORY/<time>-<n>.json as {"mailFrom", "rcptTos", "data"}, so a test can read what arrived.

    python3 scripts/smtp-sink.py PORT DIRECTORY [CERT KEY]

With a certificate and its key it offers STARTTLS and refuses mail without it, then asks for AUTH as the user
"goalstat" with the password "test-password". scripts/test starts one of each
(after `pip install aiosmtpd`) and stops them in its cleanup; the `goalstat remind` and SMTP client tests send
through them when GOALSTAT_TEST_SMTP_PORT and GOALSTAT_TEST_SMTP_DIR (and GOALSTAT_TEST_SMTP_TLS_PORT and
GOALSTAT_TEST_SMTP_CA) are set.
"""
import itertools
import json
import os
import signal
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

# The STARTTLS server also asks for AUTH (PLAIN or LOGIN), as a real relay does, with these test credentials.
USERNAME, PASSWORD = b"goalstat", b"test-password"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USERNAME and auth_data.password == PASSWORD
    # handled=False: aiosmtpd answers 535 itself.
    return AuthResult(success=ok, handled=False)


class FileHandler:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count()

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(self.counter)}.json"
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "data": envelope.original_content.decode("utf-8", "replace"),
        }
        # Written under another name and renamed, so a reader never sees half a message.
        partial = os.path.join(self.directory, "." + name)
        with open(partial, "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        os.rename(partial, os.path.join(self.directory, name))
        return "250 Message accepted for delivery"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    options = {}
    if len(sys.argv) > 4:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
        options = {"tls_context": context, "require_starttls": True, "auth_required": True, "authenticator": authenticate}
    controller = Controller(FileHandler(directory), hostname="127.0.0.1", port=port, **options)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print(f"smtp-sink listening on 127.0.0.1:{port}, writing to {directory}", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()

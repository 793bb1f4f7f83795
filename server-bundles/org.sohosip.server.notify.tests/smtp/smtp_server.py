# SPDX-License-Identifier: EPL-2.0
"""A real SMTP server for the notification tests (Debian's python3-aiosmtpd), listening on 127.0.0.1 only.

Each accepted message is parsed with Python's own MIME parser and described in <outdir>/<n>.json: envelope, login,
whether the session was TLS, headers, text and the attachments (name, type, size, SHA-256). Prints READY once it
listens and stops when its standard input closes.
"""
import argparse
import asyncio
import hashlib
import json
import os
import ssl
import sys
import email
import email.policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--outdir", required=True)
p.add_argument("--user", default="")
p.add_argument("--password", default="")
p.add_argument("--cert", default="")
p.add_argument("--key", default="")
p.add_argument("--no-plain", action="store_true")
args = p.parse_args()


class Handler:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = ""
        attachments = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            if part.get_content_disposition() == "attachment":
                data = part.get_payload(decode=True)
                attachments.append({"filename": part.get_filename(), "contentType": part.get_content_type(),
                                    "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
            elif part.get_content_type() == "text/plain":
                text += part.get_content()
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else ""
        self.count += 1
        record = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "login": login,
                  "tls": session.ssl is not None, "subject": str(msg["subject"]), "from": str(msg["from"]),
                  "to": str(msg["to"]), "text": text, "attachments": attachments,
                  "defects": [str(d) for d in msg.defects]}
        tmp = os.path.join(args.outdir, "%d.tmp" % self.count)
        with open(tmp, "w") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(args.outdir, "%d.json" % self.count))
        return "250 OK stored"


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
            and auth_data.password.decode() == args.password:
        return AuthResult(success=True, auth_data=auth_data)
    return AuthResult(success=False, handled=False)


kwargs = {"hostname": "127.0.0.1", "port": args.port, "server_hostname": "localhost",
          "auth_require_tls": False}
if args.user:
    kwargs["authenticator"] = authenticator
    kwargs["auth_required"] = True
if args.no_plain:
    kwargs["auth_exclude_mechanism"] = ["PLAIN"]
if args.cert:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.cert, args.key)
    kwargs["tls_context"] = ctx
controller = Controller(Handler(), **kwargs)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()

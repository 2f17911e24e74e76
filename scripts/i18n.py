#!/usr/bin/env python3
"""Refresh an addon's i18n/zh_CN.po from a database where it is installed, keeping existing translations.

    .venv/bin/python scripts/i18n.py DB MODULE [MODULE ...]

Exports the module's terms with Odoo's own exporter, takes each translation from the current
i18n/zh_CN.po (or from Odoo's own translations of the same words, listed as "borrowed" to be checked),
writes the file back and lists the terms still untranslated. Exits 1 while any term is untranslated.
"""
import os
import re
import subprocess
import sys
import tempfile

from babel.messages.pofile import escape, read_po, unescape

CJK = re.compile('[\u4e00-\u9fff]')

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def refresh(database, module):
    target = os.path.join(ROOT, 'addons', module, 'i18n', 'zh_CN.po')
    known = {}
    if os.path.exists(target):
        with open(target, 'rb') as current_file:
            known = {message.id: message.string for message in read_po(current_file) if message.id}
    with tempfile.TemporaryDirectory() as folder:
        exported_path = os.path.join(folder, module + '.po')
        subprocess.run([os.path.join(ROOT, 'bin', 'odoo'), '-d', database, '--i18n-export=' + exported_path,
                        '--modules=' + module, '--language=zh_CN', '--stop-after-init', '--log-level=warn'],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(exported_path, encoding='utf-8') as exported_file:
            blocks = exported_file.read().split('\n\n')
    missing = []
    for index, block in enumerate(blocks):
        lines = block.split('\n')
        msgid_at = next((n for n, line in enumerate(lines) if line.startswith('msgid ')), None)
        msgstr_at = next((n for n, line in enumerate(lines) if line.startswith('msgstr ')), None)
        if msgid_at is None or msgstr_at is None:
            continue
        msgid = ''.join(unescape(line.split(' ', 1)[1] if n == msgid_at else line)
                        for n, line in enumerate(lines[msgid_at:msgstr_at], msgid_at))
        if not msgid:
            continue  # the header
        exported_string = ''.join(unescape(line.split(' ', 1)[1] if n == msgstr_at else line)
                                  for n, line in enumerate(lines[msgstr_at:], msgstr_at))
        # Odoo writes the source text where it has no translation; a Chinese source needs none.
        string = known.get(msgid) or (exported_string if exported_string != msgid or CJK.search(msgid) else '')
        if not string:
            missing.append(msgid)
        elif not known.get(msgid) and not CJK.search(msgid):
            # Odoo pre-fills a new term with another module's translation of the same words, which may
            # not fit here ("State" of a country for the state of a record): worth a look.
            print('%s: borrowed from Odoo, check: %s -> %s' % (module, msgid[:80], string[:40]))
        blocks[index] = '\n'.join(lines[:msgstr_at] + ['msgstr ' + escape(string)])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, 'w', encoding='utf-8') as target_file:
        target_file.write('\n\n'.join(blocks))
    return missing


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    database, modules = argv[0], argv[1:]
    untranslated = 0
    for module in modules:
        missing = refresh(database, module)
        untranslated += len(missing)
        for term in missing:
            print('%s: untranslated: %s' % (module, term.replace('\n', ' ')[:120]))
    sys.exit(1 if untranslated else 0)


if __name__ == '__main__':
    main(sys.argv[1:])

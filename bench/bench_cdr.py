"""Run inside `bin/odoo shell -d bench_cdr` (see run_bench_cdr.sh): fill, then time the two import paths."""
import csv
import io
import os
import random
import sys
import time
from datetime import datetime, timedelta

FILL = int(os.environ.get('CS_BENCH_FILL', 1000000))
BULK_LINES = int(os.environ.get('CS_BENCH_BULK_LINES', 20000))
ORM_LINES = int(os.environ.get('CS_BENCH_ORM_LINES', 2000))
CUSTOMERS = 20000
rng = random.Random(42)
cr = env.cr


def say(text):
    sys.stdout.write(text + '\n')
    sys.stdout.flush()


def setup():
    """A company in China, three queues, eight agents with extensions, 20,000 customers with mobiles."""
    env.user.company_id.country_id = env.ref('base.cn')
    Queue = env['cs.call.queue']
    agents = env['res.users']
    for n in range(8):
        login = 'bench_agent_%d' % n
        user = env['res.users'].search([('login', '=', login)]) or env['res.users'].with_context(
            no_reset_password=True).create({'login': login, 'name': 'Agent %d' % n, 'cs_extension': str(8001 + n)})
        agents |= user
    for code in ('hotline', 'repair', 'sales'):
        if not Queue.search([('code', '=', code)]):
            Queue.create({'name': code, 'code': code, 'member_ids': [(6, 0, agents.ids)]})
    cr.execute("SELECT count(*) FROM res_partner WHERE name LIKE 'bench customer %%'")
    if cr.fetchone()[0] < CUSTOMERS:
        cr.execute("""
            INSERT INTO res_partner (name, display_name, mobile, cs_mobile_e164, active, customer, type, lang,
                                     company_id, create_date, write_date)
            SELECT 'bench customer ' || n, 'bench customer ' || n, '139' || lpad(n::text, 8, '0'),
                   '+86139' || lpad(n::text, 8, '0'), true, true, 'contact', 'zh_CN', %s, now(), now()
              FROM generate_series(1, %s) n
        """, (env.user.company_id.id, CUSTOMERS))
    env.cr.commit()
    return Queue.search([]), agents


def fill(queues, agents):
    """Bring cs_call to FILL rows with COPY (history of synthetic calls), once."""
    cr.execute('SELECT count(*) FROM cs_call')
    have = cr.fetchone()[0]
    if have >= FILL:
        say('fill: %d calls already there' % have)
        return
    started = time.time()
    company = env.user.company_id.id
    base = datetime(2023, 1, 1)
    columns = ('call_uid', 'direction', 'caller_number', 'callee_number', 'queue_id', 'agent_id', 'company_id',
               'date_start', 'date_answer', 'date_end', 'wait_seconds', 'talk_seconds', 'hold_seconds',
               'acw_seconds', 'status', 'progress', 'source', 'evaluation_valid', 'cti_agent_rank',
               'create_date', 'write_date')
    chunk = 200000
    for offset in range(have, FILL, chunk):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for n in range(offset, min(offset + chunk, FILL)):
            start = base + timedelta(seconds=n * 40)
            answered = n % 10 != 0
            writer.writerow(('fill-%08d' % n, 'in', '+86139%08d' % (n % 500000), '96123',
                             queues[n % len(queues)].id, agents[n % len(agents)].id if answered else None, company,
                             start, start + timedelta(seconds=8) if answered else None,
                             start + timedelta(seconds=180), 8, 172 if answered else 0, 0, 0,
                             'answered' if answered else 'abandoned', 'done', 'cdr', False, 0, start, start))
        buffer.seek(0)
        cr.copy_expert('COPY cs_call (%s) FROM STDIN WITH (FORMAT csv)' % ', '.join(columns), buffer)
        say('fill: %d/%d calls' % (min(offset + chunk, FILL), FILL))
    cr.execute('ANALYZE cs_call')
    env.cr.commit()
    say('fill: %d calls in %.1f s' % (FILL - have, time.time() - started))


def master_csv(count, tag):
    """``count`` Master.csv lines of new calls (18 columns), 70 % from known customers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator='\n')
    start = datetime(2025, 1, 1, 8)
    for n in range(count):
        begin = start + timedelta(seconds=n * 7)
        number = '139%08d' % rng.randint(1, CUSTOMERS) if rng.random() < 0.7 else '138%08d' % rng.randint(0, 10 ** 8 - 1)
        queue = rng.choice(('hotline', 'repair', 'sales'))
        answered = rng.random() < 0.9
        agent = 'SIP/%d-%08x' % (rng.randint(8001, 8008), n) if answered else ''
        answer = (begin + timedelta(seconds=6)).strftime('%Y-%m-%d %H:%M:%S') if answered else ''
        end = begin + timedelta(seconds=200)
        writer.writerow(['', number, '96123', 'from-pstn', number, 'SIP/trunk-%08x' % n, agent, 'Queue',
                         queue + ',t,,,300', begin.strftime('%Y-%m-%d %H:%M:%S'), answer,
                         end.strftime('%Y-%m-%d %H:%M:%S'), '200', '194' if answered else '0',
                         'ANSWERED' if answered else 'NO ANSWER', 'DOCUMENTATION', '%s-%08d' % (tag, n), ''])
    return buffer.getvalue()


def bench_bulk(text, lines):
    importer = env['cs.cdr.importer'].with_context(tz='Asia/Shanghai')
    started = time.time()
    result = importer.import_text(text, 'asterisk', tz='Asia/Shanghai',
                                  progress=lambda done, total: sys.stdout.write('\rbulk: %d/%d' % (done, total)))
    elapsed = time.time() - started
    say('')
    assert result['imported'] == lines and not result['errors'], result
    return elapsed


def bench_orm(text, lines):
    """The same lines, parsed and resolved the same way, but written with one ORM create per call."""
    from odoo.addons.cs_callcenter.services import cdr
    import pytz
    importer = env['cs.cdr.importer']
    resolve = importer._resolver()
    Call = env['cs.call']
    started = time.time()
    for number, call, error in cdr.iter_cdr(text, 'asterisk', None, pytz.timezone('Asia/Shanghai')):
        values, error = resolve(number, call)
        Call.create({
            'call_uid': values['call_uid'], 'direction': values['direction'],
            'caller_number': values['caller_number'], 'callee_number': values['callee_number'],
            'queue_id': values['queue_id'], 'agent_id': values['agent_id'], 'source': 'cdr',
            'date_start': values['date_start'], 'date_answer': values['date_answer'], 'date_end': values['date_end'],
            'wait_seconds': values['wait_seconds'], 'talk_seconds': values['talk_seconds'],
            'status': values['status'], 'disposition': values['disposition'],
        })
    Call.flush() if hasattr(Call, 'flush') else None
    return time.time() - started


queues, agents = setup()
fill(queues, agents)
cr.execute('SELECT count(*) FROM cs_call')
existing = cr.fetchone()[0]
tag = 'run%d' % int(time.time())
bulk_text = master_csv(BULK_LINES, tag + '-bulk')
orm_text = master_csv(ORM_LINES, tag + '-orm')
bulk_seconds = bench_bulk(bulk_text, BULK_LINES)
cr.execute("SELECT count(*), count(partner_id) FROM cs_call WHERE call_uid LIKE %s", (tag + '-bulk-%',))
bulk_rows, bulk_matched = cr.fetchone()
orm_seconds = bench_orm(orm_text, ORM_LINES)
# Re-import of the bulk file: every line is already known.
again_started = time.time()
again = env['cs.cdr.importer'].import_text(bulk_text, 'asterisk', tz='Asia/Shanghai')
again_seconds = time.time() - again_started
assert again['imported'] == 0 and again['skipped'] == BULK_LINES
env.cr.rollback()  # keep the scratch database at its fill for the next run

say('')
say('CDR import into cs_call holding %d calls (PostgreSQL %s)' % (existing, env.cr._cnx.server_version))
say('| path | lines | seconds | calls/s |')
say('|---|---:|---:|---:|')
say('| bulk (COPY to staging + INSERT … SELECT, batches of 5000) | %d | %.2f | %d |'
    % (BULK_LINES, bulk_seconds, BULK_LINES / bulk_seconds))
say('| bulk re-import of the same file (all already known) | %d | %.2f | %d |'
    % (BULK_LINES, again_seconds, BULK_LINES / again_seconds))
say('| ORM create, one per call | %d | %.2f | %d |' % (ORM_LINES, orm_seconds, ORM_LINES / orm_seconds))
say('speed-up bulk / ORM: %.1fx; customers matched by number in the bulk run: %d of %d'
    % ((BULK_LINES / bulk_seconds) / (ORM_LINES / orm_seconds), bulk_matched, bulk_rows))

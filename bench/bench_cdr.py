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
    """``count`` Master.csv lines (21 columns, newcdrcolumns=yes) of new queue calls, 70 % from known customers,
    90 % answered; one call in six rang a first agent who did not answer before a second one did (two legs
    with one linkedid). Return the text and the number of calls."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator='\n')
    start = datetime(2025, 1, 1, 8)
    lines = calls = 0
    while lines < count:
        begin = start + timedelta(seconds=calls * 7)
        number = '139%08d' % rng.randint(1, CUSTOMERS) if rng.random() < 0.7 else '138%08d' % rng.randint(0, 10 ** 8 - 1)
        queue = rng.choice(('hotline', 'repair', 'sales'))
        answered = rng.random() < 0.9
        call_id = '%s-%08d' % (tag, calls)
        legs = []
        if answered and rng.random() < 1 / 6.0 and lines + 2 <= count:
            legs.append(('SIP/%d-%08xa' % (rng.randint(8001, 8008), calls), '', begin + timedelta(seconds=15),
                         '0', 'NO ANSWER'))
        agent = 'SIP/%d-%08x' % (rng.randint(8001, 8008), calls) if answered else ''
        answer = (begin + timedelta(seconds=6 + 15 * len(legs))).strftime('%Y-%m-%d %H:%M:%S') if answered else ''
        legs.append((agent, answer, begin + timedelta(seconds=200), '194' if answered else '0',
                     'ANSWERED' if answered else 'NO ANSWER'))
        for sequence, (dstchannel, answer_time, end, billsec, disposition) in enumerate(legs):
            writer.writerow(['', number, '96123', 'from-pstn', number, 'SIP/trunk-%08x' % calls, dstchannel,
                             'Queue', queue + ',t,,,300', begin.strftime('%Y-%m-%d %H:%M:%S'), answer_time,
                             end.strftime('%Y-%m-%d %H:%M:%S'), '200', billsec, disposition, 'DOCUMENTATION',
                             call_id, '', '', call_id, str(sequence)])
            lines += 1
        calls += 1
    return buffer.getvalue(), calls


def bench_bulk(text, lines, calls):
    importer = env['cs.cdr.importer'].with_context(tz='Asia/Shanghai')
    started = time.time()
    report = importer._import_content(text.encode('utf-8'), 'asterisk', tz='Asia/Shanghai',
                                      progress=lambda done, total: sys.stdout.write('\rbulk: %d/%d' % (done, total)))
    elapsed = time.time() - started
    say('')
    assert report['calls_created'] == calls and report['legs_merged'] == lines - calls, report
    assert not report['errors'] and not report['warnings'], report
    return elapsed


def bench_orm(text, lines):
    """The same lines, parsed, merged and resolved the same way, but written with one ORM create per call and
    per leg."""
    from odoo.addons.cs_callcenter.services import cdr, cdr_legs
    import pytz
    importer = env['cs.cdr.importer']
    resolve = importer._resolver()
    Call = env['cs.call']
    Leg = env['cs.call.leg']
    started = time.time()
    groups = {}
    for number, leg, error in cdr.iter_cdr(text, 'asterisk', None, pytz.timezone('Asia/Shanghai')):
        leg['line'] = number
        groups.setdefault(leg['call_uid'], []).append(leg)
    for call_uid, legs in groups.items():
        values, warnings = resolve(legs[0]['line'], cdr_legs.merge_legs(legs, resolve.extensions))
        call = Call.create({
            'call_uid': values['call_uid'], 'direction': values['direction'],
            'caller_number': values['caller_number'], 'callee_number': values['callee_number'],
            'caller_name': values['caller_name'],
            'queue_id': values['queue_id'], 'agent_id': values['agent_id'], 'source': 'cdr',
            'date_start': values['date_start'], 'date_answer': values['date_answer'], 'date_end': values['date_end'],
            'wait_seconds': values['wait_seconds'], 'talk_seconds': values['talk_seconds'],
            'status': values['status'], 'disposition': values['disposition'],
        })
        for leg in legs:
            Leg.create({'call_id': call.id, 'leg_uid': leg['leg_uid'], 'uniqueid': leg['uniqueid'],
                        'linkedid': leg['linkedid'], 'cdr_sequence': leg['sequence'], 'src': leg['src'],
                        'clid': leg['clid'], 'dst': leg['dst'], 'dcontext': leg['dcontext'],
                        'channel': leg['channel'], 'dstchannel': leg['dstchannel'], 'lastapp': leg['lastapp'],
                        'lastdata': leg['lastdata'], 'queue_code': leg['queue'], 'date_start': leg['date_start'],
                        'date_answer': leg['date_answer'], 'date_end': leg['date_end'],
                        'duration': leg['duration'], 'billsec': leg['billsec'], 'disposition': leg['disposition']})
    return time.time() - started


queues, agents = setup()
fill(queues, agents)
cr.execute('SELECT count(*) FROM cs_call')
existing = cr.fetchone()[0]
tag = 'run%d' % int(time.time())
bulk_text, bulk_calls = master_csv(BULK_LINES, tag + '-bulk')
orm_text, orm_calls = master_csv(ORM_LINES, tag + '-orm')
bulk_seconds = bench_bulk(bulk_text, BULK_LINES, bulk_calls)
cr.execute("SELECT count(*), count(partner_id) FROM cs_call WHERE call_uid LIKE %s", (tag + '-bulk-%',))
bulk_rows, bulk_matched = cr.fetchone()
orm_seconds = bench_orm(orm_text, ORM_LINES)
# Re-import of the bulk file: every leg is already stored, nothing changes.
again_started = time.time()
again = env['cs.cdr.importer']._import_content(bulk_text.encode('utf-8'), 'asterisk', tz='Asia/Shanghai')
again_seconds = time.time() - again_started
assert again['calls_created'] == 0 and again['calls_updated'] == 0 and again['legs_known'] == BULK_LINES, again
env.cr.rollback()  # keep the scratch database at its fill for the next run

say('')
say('CDR import into cs_call holding %d calls (PostgreSQL %s)' % (existing, env.cr._cnx.server_version))
say('| path | lines | calls | seconds | lines/s |')
say('|---|---:|---:|---:|---:|')
say('| bulk (legs merged, COPY to staging + INSERT … ON CONFLICT, batches of 5000 legs) | %d | %d | %.2f | %d |'
    % (BULK_LINES, bulk_calls, bulk_seconds, BULK_LINES / bulk_seconds))
say('| bulk re-import of the same file (all legs already stored) | %d | 0 | %.2f | %d |'
    % (BULK_LINES, again_seconds, BULK_LINES / again_seconds))
say('| ORM create, one per call and per leg | %d | %d | %.2f | %d |'
    % (ORM_LINES, orm_calls, orm_seconds, ORM_LINES / orm_seconds))
say('speed-up bulk / ORM: %.1fx; customers matched by number in the bulk run: %d of %d'
    % ((BULK_LINES / bulk_seconds) / (ORM_LINES / orm_seconds), bulk_matched, bulk_rows))

"""Writes questions/*/code-*.md: one code-reading drill per Go excerpt of the seed, the code taken
verbatim from the seed so it cannot drift. Run: python3 scripts/gen-code-drills.py SEED.md"""
import json, re, sys, os

seed = open(sys.argv[1]).read()
codes = [a or b for a, b in re.findall(r'````go\n(.*?)````|```go\n(.*?)```', seed, re.S)]
q = json.dumps

def rub(*items):
    return [dict(concept=c, synonyms=s, weight=w) for c, s, w in items]

DRILLS = [
  dict(id='code-gateway-http-server', title='Code: the API gateway server', topic='scalability', difficulty='medium', minutes=8,
       checklist=['gocoffee-gateway-scaling', 'knowledge-scaling'], path='api-gateway/server/http_server.go', code=[0],
       prompt='Read the gateway constructor from the seed (Study the API Gateway Scaling Pattern). It is what you would run many copies of behind a load balancer.',
       steps=[
         dict(title='What makes it safe to scale out?', prompt='What in this constructor (and what is absent from it) lets you run ten copies behind a load balancer?',
              rubric=rub(('stateless', ['no state', 'no session', 'no shared memory', 'keeps no state'], 2), ('health endpoint', ['/health', 'health check', 'handleHealth'], 2), ('load balancer', ['lb', 'balancer'], 1)),
              model='The server holds only configuration and a gRPC client - no sessions or per-user state - so any instance can serve any request. `/health` gives the load balancer something to probe. The comment "Register routes with load balancing support" is misleading: nothing here balances load; that happens in front of the instances.'),
         dict(title='Are these timeouts right for ordering coffee?', prompt='Judge the 15 s read, 15 s write and 60 s idle timeouts. What would you change, and what is missing?',
              rubric=rub(('too long', ['15 seconds is too long', 'too generous', 'shorter timeout', 'lower the timeout'], 2), ('request deadline', ['context timeout', 'context deadline', 'per request timeout', 'grpc deadline'], 2), ('slowloris', ['read header timeout', 'ReadHeaderTimeout', 'slow clients'], 1), ('idle keep alive', ['keep alive', 'keepalive', 'idle connections', 'connection reuse'], 1)),
              model='15 s is far longer than an order should take: a slow producer would hold a goroutine and connection for up to 15 s each, so at 1000 req/s up to 15,000 requests could pile up. Put a per-request deadline (a context with a timeout of a few hundred ms to 2 s) on the gRPC call to the producer, add `ReadHeaderTimeout` against slow clients, and keep the 60 s idle timeout for keep-alive reuse from the load balancer.'),
       ], context='Hands-on Exercise 1.1, Step 1 load-tests this server: `hey -n 1000 -c 10 http://localhost:8080/health`.'),
  dict(id='code-kafka-producer', title='Code: the Kafka producer', topic='reliability', difficulty='hard', minutes=8,
       checklist=['gocoffee-producer-consumer', 'knowledge-reliability-patterns'], path='producer/kafka/producer.go', code=[1],
       prompt='Read the producer from the seed (Analyze Producer Service Scaling).',
       steps=[
         dict(title='Async: true with RequireAll', form='choice', prompt='With `Async: true` and `RequiredAcks: kafka.RequireAll`, what does the caller of `WriteMessages` learn about a write that all replicas failed to acknowledge?',
              choices=['It gets the error returned from WriteMessages', 'Nothing: in async mode WriteMessages returns at once and errors only reach the writer\'s Completion callback, if one is set', 'The message is retried forever, so it never fails', 'RequireAll makes the write synchronous anyway'], answer=1,
              model='In kafka-go, `Async: true` makes `WriteMessages` return immediately; delivery errors go only to the `Completion` callback. RequireAll (acks=all) makes the broker wait for all in-sync replicas - durability the caller never hears about. The gateway can tell a customer "order placed" for an order Kafka lost. Use synchronous writes for orders, or set Completion and surface failures.'),
         dict(title='LeastBytes and ordering', prompt='What does the `LeastBytes` balancer do to the order of events for one order or customer, and what would you use instead?',
              rubric=rub(('no key ordering', ['ordering', 'out of order', 'different partitions', 'order not preserved'], 2), ('hash by key', ['hash balancer', 'message key', 'partition key', 'order id', 'customer id'], 2), ('even partitions', ['least bytes', 'spreads load', 'balances partitions'], 1)),
              model='LeastBytes sends each message to the partition that has received the fewest bytes - it spreads load but scatters one order\'s events (created, paid, ready) over partitions, so consumers may see them out of order. Use the Hash balancer with the order id (or customer id) as the message key: per-key order is kept within its partition.'),
       ]),
  dict(id='code-consumer-retry', title='Code: the consumer\'s retry loop', topic='reliability', difficulty='medium', minutes=8,
       checklist=['gocoffee-producer-consumer', 'knowledge-reliability-patterns'], path='consumer/worker/worker.go', code=[2],
       prompt='Read `processMessage` from the seed (Study Consumer Service Reliability).',
       steps=[
         dict(title='What does the backoff schedule look like?', form='choice', prompt='With maxRetries = 3 and baseDelay = 1 s, how long does a message that always fails wait in total before going to the dead letter queue?',
              choices=['1 s', '3 s', '7 s', '8 s'], answer=1,
              model='Attempts 0, 1 and 2 run; sleeps follow attempts 0 and 1 only (1 s and 2 s), so 3 s of sleeping before the DLQ. The delays double (exponential backoff) but have no jitter, so many failing consumers retry in lockstep.'),
         dict(title='Find the defects', prompt='Name what is wrong with this retry loop in a Kafka consumer.',
              rubric=rub(('ignores context', ['time.Sleep ignores ctx', 'no ctx.Done', 'cancellation', 'shutdown', 'select on ctx'], 2), ('blocks the partition', ['head of line', 'blocks other messages', 'partition stalls', 'consumer lag'], 2), ('no jitter', ['jitter', 'thundering herd', 'synchronized retries'], 1), ('not idempotent', ['idempotent', 'duplicate', 'retry may double process'], 1), ('dlq error ignored', ['dead letter queue error', 'sendToDeadLetterQueue fails', 'lost message'], 1)),
              model='`time.Sleep` ignores `ctx`, so shutdown and rebalances wait out the sleep; use `select` on `ctx.Done()` and a timer. While it sleeps, the whole partition is blocked behind one message (head-of-line blocking, growing consumer lag). There is no jitter. `handleOrder` must be idempotent because a retry after a partial success runs it twice. And if `sendToDeadLetterQueue` fails, the message is lost unless the offset is left uncommitted.'),
       ]),
  dict(id='code-serializable-transaction', title='Code: the serializable order-and-payment transaction', topic='consistency', difficulty='hard', minutes=8,
       checklist=['gocoffee-transactions', 'knowledge-consistency'], path='crypto-wallet/internal/database/postgres.go', code=[5],
       prompt='Read `CreateOrderWithPayment` from the seed (Study Database Transactions).',
       steps=[
         dict(title='What does this guarantee?', prompt='Which ACID properties does this function rely on, and where in the code?',
              rubric=rub(('atomicity', ['all or nothing', 'rollback', 'defer tx.Rollback', 'both or neither'], 2), ('isolation', ['serializable', 'LevelSerializable', 'concurrent'], 2), ('durability', ['commit', 'persisted', 'durable'], 1)),
              model='Atomicity: both inserts commit together or `defer tx.Rollback()` undoes them. Isolation: `LevelSerializable` makes concurrent transactions behave as if serial. Durability: after `tx.Commit()` returns, Postgres has the commit in its write-ahead log on disk.'),
         dict(title='What will happen under load?', prompt='What does Postgres do to conflicting serializable transactions, what must this code do about it, and what else would you question?',
              rubric=rub(('serialization failure', ['40001', 'could not serialize', 'serialization error', 'aborted'], 2), ('retry the transaction', ['retry', 'retry loop', 'try again'], 2), ('payment status before paying', ['completed without charging', 'status completed', 'hard coded status', 'external payment'], 1), ('idempotency key', ['idempotent', 'duplicate order', 'unique constraint'], 1)),
              model='Under contention Postgres aborts some serializable transactions with SQLSTATE 40001 ("could not serialize access"); the caller must retry the whole transaction, which this code does not. Also: the payment is inserted as "completed" inside the database transaction, but a real charge happens at an external provider that cannot join the transaction - that needs a pending state and a saga. An idempotency key (unique order id) prevents double orders when the client retries.'),
       ]),
  dict(id='code-circuit-breaker-exercise', title='Code: the circuit breaker exercise', topic='reliability', difficulty='hard', minutes=10,
       checklist=['practical-circuit-breaker', 'knowledge-reliability-patterns'], path='pkg/resilience/circuit_breaker.go', code=[3],
       prompt='Review the circuit breaker from Hands-on Exercise 1.2 (Step 2, Implement Circuit Breaker) as if it were a pull request.',
       steps=[
         dict(title='The lock', form='choice', prompt='`Execute` takes `cb.mutex.Lock()` and defers the unlock. What does that do to the producer under load?',
              choices=['Nothing; the lock is held only for a few nanoseconds', 'Every call to fn runs while holding the lock, so all publishes are serialized: one at a time, however many goroutines', 'It deadlocks on the first failure', 'It makes the breaker lock-free'], answer=1,
              model='The mutex is held across `fn()` - the remote call - so only one publish can be in flight at a time and throughput collapses to 1 / latency. Hold the lock only to read and update state, never while calling fn.'),
         dict(title='Half-open and the failure count', prompt='What else is wrong with the state machine? Compare it with a production breaker such as resilience4j.',
              rubric=rub(('half-open admits everything', ['half open lets all', 'no limit in half open', 'all requests in half open', 'permitted calls'], 2), ('consecutive count not a rate', ['failure rate', 'sliding window', 'consecutive failures', 'no window'], 2), ('reset on one success', ['single success resets', 'one success closes', 'failures = 0'], 1), ('no slow calls', ['slow calls', 'timeouts not counted', 'latency'], 1)),
              model='Half-open lets every caller through until the first result, instead of a small number of trial calls. It counts consecutive failures, not a failure rate over a sliding window, and one success resets everything, so a dependency failing 90% of calls may never trip it. Slow calls do not count. resilience4j opens on a failure or slow-call rate over a window once a minimum number of calls is recorded, and admits a fixed number of calls in half-open.'),
       ], context='The seed creates the package (`mkdir -p pkg/resilience`, `cd pkg/resilience`), implements the breaker, then integrates it in `producer/handler/order_handler.go` (the drill code-order-handler).'),
  dict(id='code-order-handler', title='Code: the order handler behind the breaker', topic='reliability', difficulty='medium', minutes=6,
       checklist=['practical-circuit-breaker', 'gocoffee-producer-consumer'], path='producer/handler/order_handler.go', code=[4],
       prompt='Read how Hands-on Exercise 1.2 (Step 3, Integrate with Producer Service) calls the producer through the circuit breaker.',
       steps=[
         dict(title='Detecting the open breaker', prompt='Look at how `CreateOrder` (Step 3, Integrate with Producer Service) detects the open breaker. What is fragile, and what status should the client get?',
              rubric=rub(('string comparison', ['err.Error()', 'comparing strings', 'string match', 'error message'], 2), ('sentinel error', ['errors.Is', 'ErrOpen', 'exported error', 'typed error'], 2), ('503 with retry after', ['503', 'service unavailable', 'retry-after'], 1)),
              model='It compares `err.Error()` with a string, which breaks as soon as the message changes or the error is wrapped. Export a sentinel (`var ErrOpen = errors.New(...)`) and test with `errors.Is`. 503 Service Unavailable is right; add a `Retry-After` header from the breaker\'s wait duration.'),
         dict(title='What happens to the order?', prompt='When the breaker is open or the publish fails, what has happened to the customer\'s order, and what should the handler do so nothing is silently lost?',
              rubric=rub(('order not accepted', ['not saved', 'lost', 'never published', 'not in kafka'], 2), ('tell the client to retry', ['retry later', 'retry-after', 'client retries', '503'], 1), ('idempotency key', ['idempotent', 'order id', 'dedupe', 'duplicate'], 2), ('outbox', ['outbox', 'store locally', 'persist first', 'queue locally'], 1)),
              model='The order was never published: if the handler only returns an error, the client must retry, so give it a 503 with Retry-After and make retries safe with an idempotency key (the order id) that the consumer dedupes on. To accept orders even while Kafka is down, write them to a local outbox table first and publish from there when the breaker closes. Note also that `order` is used but never decoded from the request in this excerpt.'),
       ]),
  dict(id='code-event-store', title='Code: the Redis event store', topic='consistency', difficulty='hard', minutes=8,
       checklist=['knowledge-consistency', 'readiness-consistency-choice'], path='pkg/eventstore/event_store.go', code=[6],
       prompt='Review the event store from Hands-on Exercise 1.3 (Implement Eventual Consistency).',
       steps=[
         dict(title='expectedVersion', form='choice', prompt='`SaveEvents` takes `expectedVersion`. What does this implementation do with it?',
              choices=['Rejects the write if the stream has moved on', 'Nothing: it is ignored, so two writers can append conflicting events', 'Uses it as the Redis key', 'Sorts events by it'], answer=1,
              model='It is ignored. Optimistic concurrency needs a check-and-append that is atomic - e.g. a Lua script or WATCH/MULTI that compares the stream length with expectedVersion and appends only if equal, else returns a conflict.'),
         dict(title='Other defects', prompt='What else would you fix before trusting it with orders?',
              rubric=rub(('marshal error ignored', ['json.Marshal error', 'ignored error', 'eventData, _'], 2), ('ctx undefined', ['ctx is not defined', 'no context parameter', 'undefined ctx'], 2), ('pipeline is not atomic', ['pipeline not a transaction', 'multi exec', 'partial write', 'not atomic'], 1), ('durability of redis', ['persistence', 'aof', 'fsync', 'redis may lose data'], 1)),
              model='`json.Marshal` errors are discarded (`eventData, _`); `ctx` is used but never defined (SaveEvents takes no context); a pipeline batches commands but is not a transaction - use MULTI/EXEC or a single RPUSH with all events so a stream never holds half a batch; and Redis must be configured for durability (AOF with fsync) if it is the system of record. `GetEvents` is declared in the interface but not implemented.'),
       ]),
  dict(id='code-prometheus-metrics', title='Code: the Prometheus metrics', topic='performance', difficulty='medium', minutes=8,
       checklist=['gocoffee-monitoring', 'practical-monitoring'], path='pkg/monitoring/metrics.go', code=[7],
       prompt='Read the metrics package from the seed (Study Monitoring Implementation).',
       steps=[
         dict(title='What is missing?', prompt='Read `NewMetrics` and `RecordRequest` closely. What would break or be missing at run time?',
              rubric=rub(('errorCount never created', ['errorCount is nil', 'error counter not initialised', 'nil pointer', 'errorCount missing'], 2), ('not registered', ['MustRegister', 'registry', 'not registered'], 2), ('errors never recorded', ['error count never incremented', 'no error metric'], 1)),
              model='`errorCount` is declared but never created in `NewMetrics`, so any use panics on a nil pointer, and nothing records errors. None of the collectors is registered (`prometheus.MustRegister`), so `/metrics` would not expose them. Errors can be derived from `requestCount` by `status_code` instead.'),
         dict(title='Buckets and labels', prompt='Are `prometheus.DefBuckets` and these labels right for an API with a 100 ms latency goal?',
              rubric=rub(('default buckets too coarse', ['DefBuckets', 'custom buckets', 'bucket boundaries', '0.1 and 0.25'], 2), ('label cardinality', ['cardinality', 'endpoint path', 'unbounded labels', 'ids in paths'], 2), ('percentile accuracy', ['p95 accuracy', 'interpolation', 'histogram_quantile'], 1)),
              model='DefBuckets (5 ms … 10 s) jump from 0.1 to 0.25 s, so a P95 near the 100 ms goal is interpolated over a wide bucket; add buckets at 50, 75, 100, 150, 200 ms. `endpoint` must be the route pattern, not the raw path, or ids in URLs create unbounded label cardinality; `status_code` is fine as a few values.'),
       ]),
  dict(id='code-performance-middleware', title='Code: the performance middleware', topic='performance', difficulty='medium', minutes=8,
       checklist=['practical-monitoring', 'gocoffee-monitoring', 'knowledge-metrics'], path='pkg/middleware/performance.go', code=[8, 9],
       prompt='Read the performance middleware from Hands-on Exercise 1.4 and how it is added to the API gateway (Step 2, Add to API Gateway).',
       steps=[
         dict(title='Measuring the right thing', prompt='What does this middleware measure, and where in the chain should it sit?',
              rubric=rub(('wraps the response writer', ['status code', 'responseWriter', 'captures status'], 1), ('outermost', ['outermost', 'first middleware', 'wrap everything', 'includes cors and logging'], 2), ('duration per request', ['latency', 'duration', 'time.Since'], 1)),
              model='It times each request with `time.Since(start)` and captures the status code by wrapping the ResponseWriter (which must also pass through Flush/Hijack if handlers use them). Placed outermost in `setupMiddleware`, it includes logging and CORS time, which is what the client experiences.'),
         dict(title='The slow-request log', form='choice', prompt='The middleware logs every request slower than a hard-coded 100 ms. At 1000 req/s with P95 = 500 ms, roughly how many log lines per second is that?',
              choices=['About 1', 'At least 50, every second', 'None: P95 is below the threshold', 'Exactly 100'], answer=1,
              model='At least 5% of requests exceed 500 ms, so at least 50 per second exceed 100 ms - likely many more. A hard-coded threshold floods the log exactly when the system is slow. Make it configurable, sample or rate-limit slow-request logs, and rely on the histogram for the distribution.'),
       ], context='`setupMiddleware` in `api-gateway/server/http_server.go` wraps CORS, then logging, then performance, outermost.'),
]

def y_list(xs): return '[' + ', '.join(q(x) for x in xs) + ']'

for d in DRILLS:
    src = '\n\n'.join(codes[i].rstrip('\n') for i in d['code'])
    lines = ['---', f'id: {d["id"]}', f'title: {q(d["title"])}', f'topic: {d["topic"]}', 'kind: code',
             f'difficulty: {d["difficulty"]}', f'minutes: {d["minutes"]}', f'checklist: {y_list(d["checklist"])}',
             f'files: {y_list([d["path"]])}', f'source: {q("Go Coffee Analysis: " + d["path"])}', f'prompt: {q(d["prompt"])}',
             'code:', f'  path: {q(d["path"])}', '  lang: go', '  source: |']
    lines += ['    ' + l if l.strip() else '' for l in src.split('\n')]
    lines.append('steps:')
    for s in d['steps']:
        lines.append(f'  - title: {q(s["title"])}')
        if s.get('form'): lines.append(f'    form: {s["form"]}')
        lines.append(f'    prompt: {q(s["prompt"])}')
        if 'choices' in s:
            lines.append('    choices:'); lines += [f'      - {q(c)}' for c in s['choices']]
            lines.append(f'    answer: {s["answer"]}')
        if 'rubric' in s:
            lines.append('    rubric:')
            for r in s['rubric']:
                lines += [f'      - concept: {q(r["concept"])}', f'        synonyms: {y_list(r["synonyms"])}', f'        weight: {r["weight"]}']
        lines.append(f'    model: {q(s["model"])}')
    lines.append('---')
    body = []
    if 'code2' in d:
        body += ['## Context', '', d.get('context', ''), '', '```go', *[codes[i].rstrip('\n') for i in d['code2']], '```', '']
    elif d.get('context'):
        body += ['## Context', '', d['context'], '']
    out = os.path.join('questions', d['topic'], d['id'] + '.md')
    open(out, 'w').write('\n'.join(lines) + '\n\n' + '\n'.join(body))
    print('wrote', out)

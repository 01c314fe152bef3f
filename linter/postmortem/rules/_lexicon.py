"""Curated word lists for the language rules (see :mod:`._language`).

All entries are lower case. Keep each list sorted-ish and honest: a word belongs here only
if it means the same thing in almost every post-mortem sentence it appears in.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Systems, products, vendors and projects that read like names of people or are often
# the subject of a sentence. A word here is never a person, whatever follows it.
SYSTEMS = _words(
    """
    airflow akamai alertmanager alibaba amazon android ansible apache apollo argo argocd artemis
    athena atlas aurora auth0 azure backstage bamboo bazel bigquery bigtable bitbucket
    buildkite bunny cassandra celery ceph chef chrome chromium circleci clickhouse cloudflare cloudfront
    cloudwatch cockroach cockroachdb concourse confluence confluent consul containerd
    cortana couchbase couchdb crystal datadog debian dependabot django docker dynamo
    dynamodb elastic elasticsearch elixir envoy erlang etcd fargate fastly fastapi firefox flask
    fluentd fluentbit flux flyway gatekeeper gerrit git github gitlab gke gmail golang
    google grafana graphite graylog gunicorn hadoop haproxy harbor hashicorp helm heroku
    hive honeycomb hudson hugo istio jaeger jasmine java jenkins jest jira julia jupyter
    kafka karma karpenter keda keycloak kibana kinesis kotlin kong kubectl kubernetes
    lambda linkerd linux liquibase logstash loki lucene mailgun mariadb mattermost
    memcached mesos mimir minio mocha mongo mongodb mysql nagios neo4j neptune netlify
    newrelic nginx node nomad nova npm okta openresty opensearch opsgenie oracle packer
    pagerduty pgbouncer phoenix php pingdom postfix postgres postgresql presto prometheus
    pulsar pulumi puppet python rabbitmq rails react redis redshift renovate rollbar
    ruby rundeck rust safari salesforce salt segment sendgrid sentry shopify sidekiq slack snowflake
    snyk solr sonarqube spark spinnaker splunk spring squid statuspage stripe swift tableau
    teamcity tekton tempo terraform thanos traefik travis trino twilio ubuntu unicorn vagrant
    varnish vault velero vercel victoriametrics vitess webpack windows zabbix zendesk
    zipkin zookeeper zoom
    """
)

# Given names, to recognise a person at the start of a sentence (where every word is
# capitalised) and to tell "Dave pushed" from "Checkout failed". Names that are also
# common English or technical words (Will, Mark, May, Ruby, Julia, Max, Chase...) are left
# out on purpose; projects add their own with the `people` option of PM501.
GIVEN_NAMES = _words(
    """
    aaron abdul abdullah abigail adam adebayo adeline adrian adriana agnieszka ahmad ahmed
    aidan aiden aisha akira alan alana albert alberto alejandra alejandro aleksandr
    aleksandra alex alexander alexandra alexei alexis alfie alfred ali alice alicia alina
    alison alistair allison amanda amara amber amelia amina amir amit amy ana anastasia
    anders andrea andreas andrei andrew andrzej andy angela angelica angus anika anil anita
    anja ann anna anne anneliese annette anthony antoine anton antonio anya aoife arjun
    arnav arthur arturo arun asha ashley ashok astrid audrey ava axel ayesha barbara
    barry bastian beatrice beatriz becky ben benedict benjamin bernard bernd beth bethany
    bianca bjorn björn bob bobby bogdan boris brad bradley brandon brendan brenda brian
    bridget brittany bruno bryan caitlin callum cameron camila carl carla carlos carmen
    carol caroline carolyn carsten casey catherine cathy cecilia cedric celine chandra
    charles charlie charlotte chen chiara chidi chinedu chloe chris christian christina
    christine christopher ciara claire clara claudia clement colin connor conor craig
    cristina cynthia dan dana daniel daniela daniele danielle danny daria darius darren
    dave david dawid debbie deborah declan deepak deepika denis dennis derek devon
    diana diego dimitri dinesh dmitri dmitry dominic dominik donald donna doug douglas
    duncan dylan eamon ed eddie edgar eduardo edward eileen elaine elena eleanor eli elias
    elif elijah elisa elizabeth ella ellen ellie emeka emil emilia emily emma emre enrique
    eric erik erin ernesto esther ethan eugene eva evan evelyn ewa fabian fahad farah
    fatima fatma federico felipe felix fernanda fernando finn fiona florian francesca
    francesco francisco frank franziska fred freddie frederik gabriel gabriela gabriele
    gareth gary gavin gemma geoff george georgia gerald gerard gianluca gilbert giovanni
    giulia giuseppe gonzalo graham greg gregory greta guillaume gustavo hamid hana hannah
    hans harold harper harriet harry harvey hassan heidi helen helena henrik henry hiroshi
    hoang hugh hussein ian ibrahim igor ilya imran ingrid irene isaac isabel isabella
    isabelle ivan jacob jacqueline jake james jamie jan jana jane janet janine jared jason
    javier jay jayden jean jeff jeffrey jen jennifer jenny jeremy jerome jess jessica jesus
    jia jian jim jimmy joan joanna joao joaquin joaquín joe joel johan johanna john jon
    jonas jonathan jordan jorge jose josé joseph josh joshua juan judith jules julian
    juliana julie julien jun jürgen justin kai kamal karen karim karina karl kate katarzyna
    katharina katherine kathleen kathryn katie katrin kayla keith kelly kemal ken kenji
    kenneth kevin khalid kim kiran kirsten klaus kofi kris krishna kristen kristina
    krzysztof kumar kwame kyle lakshmi lars laura lauren laurent lea leah lee lena leo leon
    leonardo leonie liam lila lily lin linda lindsay lisa liu lorenzo louis louise lucas
    lucia lucy luis luiz luka lukas luke lydia lynn maciej madeleine madison magdalena
    magnus mahmoud maja malik manoj manuel marc marcel marcin marco marcos marcus margaret
    margarida maria mariam marie marina mario marisa marius marta martha martin martina
    mary maryam mateo mateus matt matteo matthew matthias maureen maurice maxim maximilian
    megan mehmet mei melanie melissa mia michael michaela michal michał michel michelle
    miguel mika mike mikhail milan milena min ming miriam mohamed mohammad mohammed monica
    monika morgan moritz muhammad mustafa nadia nadine nancy naomi natalia natalie natasha
    nathan neha neil nicholas nick nicola nicolas nicole niels nigel nikhil nikita nikolai
    nils nina noah noor nora norbert oksana olga oliver olivia olumide olusegun omar oscar
    owen pablo paolo patricia patrick paul paula paulo pavel pedro peter petra philip
    philipp phoebe pierre pieter piotr pooja prakash pranav preeti priya priyanka rachel
    rafael rahul raj rajesh ralph ramesh ramon rana randy raphael rashid ravi rebecca rekha
    renata rhys ricardo richard rick rishi rita rob robert roberta roberto robin rodrigo
    rohan roland roman ronald rory rosa rosie ross ruth ryan sabine sadia sahil sakura
    sally salma sam samantha sami samir samuel sandeep sandra sanjay santiago sara sarah
    sascha satoshi scott sean sebastian senthil sergei sergio seth shane shannon sharon
    shaun sheila shira shreya sibylle simon simone siobhan sofia sonia sophia sophie
    stefan stefanie stella stephanie stephen steve steven stuart sunil susan suzanne sven
    svetlana sylvia takeshi tamara tanya tara tariq tatiana ted teresa thomas tiago tim
    timothy tobias todd tom tomas tomasz tommy tony tracy trevor tyler uma umar ursula
    valentina valeria vanessa varun vera veronica victor victoria vijay vikram vincent
    vinod viktor vivek vladimir walter wei wendy wesley william wojciech
    xavier xin yan yang yasmin yi yuki yuri yusuf yvonne zainab zara zeynep zoe zoë zoltan
    """
)

# Nouns that name a person by their role; "the on-call engineer" is good blameless
# language, but "the on-call engineer should have…" is still a counterfactual about people.
ROLE_NOUNS = _words(
    """
    admin admins administrator administrators analyst analysts approver approvers author
    authors colleague colleagues commander contractor contractors dba dbas developer
    developers devs employee employees engineer engineers folks human humans individual
    individuals intern interns lead manager managers oncaller oncallers on-call operator
    operators owner people person reviewer reviewers responder responders sre sres staff
    teammate teammates
    """
)

# Collective nouns for groups of people.
TEAM_NOUNS = _words("team teams squad squads department org organisation organization management leadership infra")

# Words that point at people without naming them.
PERSON_PRONOUNS = _words(
    """
    i we you he she they someone somebody anyone anybody everyone everybody nobody whoever
    """
)

# The same people as the object of a verb or a preposition ("blamed him", "fired them").
OBJECT_PRONOUNS = _words("me us him her them")

# Broadcast handles and bots: an @mention of these is not a person.
NON_PERSON_HANDLES = _words("here channel everyone all oncall on-call team main master latest stable head trunk develop")

# Verbs after a person that describe noticing, helping or fixing: such a sentence is about
# the response, not about who caused the failure.
RESPONSE_VERBS = _words(
    """
    acknowledged alerted answered asked assisted called checked confirmed coordinated
    declared diagnosed discovered documented escalated explained filed fixed flagged found
    helped identified investigated joined kept led mitigated monitored noticed opened paged
    posted raised recovered reported resolved restarted restored reverted rolled saw shared spotted
    suggested traced updated verified wrote
    """
)

# A thing released before its checks: "un-" and the participle of each verb of checking
# ("pushed untested code", "shipped unreviewed changes").
UNCHECKED = frozenset("un" + participle for participle in _words("tested reviewed verified validated checked vetted approved audited staged"))

# Words that make a sentence about a person's action a sentence about a failure they
# caused. Deliberately not here: states of systems such as error, failed, outage, alert.
FAILURE_CUES = UNCHECKED | _words(
    """
    accident accidental accidentally bad botched break breaking broke broken buggy bypassed
    caused causing corrupted crashed deleted dropped erroneous erroneously fat-fingered
    failing faulty flooded forgot forgotten ignored inadvertent inadvertently incorrect incorrectly
    introduced leaked locked misconfigured misread mistake mistaken mistakenly mistakes
    mistyped neglected overlooked overrode overwrote overwritten skipped triggered
    truncated typo typos unintentionally wiped wrong wrongly
    """
)

# Verbs that only people do: a capitalised word we do not know followed by one of these
# is taken to be a person.
HUMAN_ONLY_VERBS = _words(
    """
    forgot neglected mistyped fat-fingered misread misremembered accidentally carelessly
    mistakenly inadvertently panicked
    """
)

# Nouns that, owned by a person, name a blame ("Tom's mistake").
BLAME_NOUNS = _words("mistake mistakes error errors typo typos fault oversight slip blunder negligence carelessness screw-up screwup")

# Judgements of people. Each is a whole word; exceptions are in the rule.
JUDGEMENT_WORDS = _words(
    """
    careless carelessly carelessness negligent negligently negligence sloppy sloppily
    sloppiness lazy lazily laziness incompetent incompetence incompetently stupid stupidity
    reckless recklessly recklessness irresponsible irresponsibly inexcusable inexcusably
    unprofessional idiotic dumb foolish foolishly clueless boneheaded amateurish
    fuckup fuckups fuck-up fuck-ups screwup screwups blunder blunders blundered slob idiot
    idiots moron morons numpty bozo dimwit stupidest dumbest undertrained unqualified
    """
)

# Words after "lazy"/"sloppy" that make them technical terms (lazy loading, sloppy quorum).
TECHNICAL_AFTER_JUDGEMENT = _words(
    """
    load loading loaded loads evaluation evaluated eval initialisation initialization
    initialised initialized init instantiation import imports iterator iterators fetch
    fetching compile compilation mount mounting quorum quorums deletion allocation
    binding bindings val property properties sequence sequences
    """
)

MODALS = _words("should could would ought might")

# ---------------------------------------------------------------------- action items

# Verbs that open a good action item. The list is what teams write; anything else is
# looked up in the lexical library.
IMPERATIVE_VERBS = _words(
    """
    add adjust alert align allow announce apply archive assign audit automate backfill
    backport benchmark block bound build bump cache cancel cap capture change check
    clarify clean close codify collect combine configure confirm consolidate containerise
    containerize convert copy correct create cut dedupe deduplicate default define delete
    deploy deprecate describe detect disable document drain drop email embed emit enable
    encrypt enforce escalate estimate exclude expire expose extend extract fail file fix
    flag forbid gate generate grant group harden hide implement import include increase
    index inform install instrument integrate introduce isolate keep label limit link list
    load lock log lower make mark measure merge migrate mirror monitor move mute name
    notify open page partition patch pause pin poll port prefetch prepare prevent
    prioritise prioritize probe provision prune publish purge put queue raise rate-limit
    re-enable rebalance rebuild record redact redirect reduce refactor register reject
    release remove rename reorder repair replace replay replicate report require reroute reserve
    reset resize restore restrict retire retry return revert revoke rewrite roll rotate
    route run sanitise segment sanitize scale schedule scope seal separate serve set shard shorten
    show shut silence simplify size snapshot split stage standardise standardize start
    stop store stream switch sync tag tighten time track transfer translate trigger trim
    tune turn unify unpin update upgrade use validate verify version wire write
    accept acknowledge adopt aggregate allowlist annotate assess bake batch bind boost
    bootstrap bundle calibrate centralise centralize clamp clone coalesce compress compute
    connect consider contact coordinate correlate cover decide decommission decouple
    delay deliver demote denylist derive design diff discuss distribute downgrade draft
    drill edit eliminate encode ensure enhance evaluate evict expand explore export fence
    fetch filter finalise finalize finish follow fork format freeze gather give guard halt
    handle hash hire hold host identify improve investigate isolate land look measure
    model offload optimise optimize own plan present promote prototype provide pull push
    quarantine re-run read rebase reconcile refresh rehearse remediate reproduce resolve
    review revisit roll sample scan seed send ship simulate standardise stub subscribe
    support swap teach terminate test throttle trace try unblock vendor wait warm watch
    setup backup
    """
)

# First words that show the item is not an instruction: subjects, modals, hedges,
# adjectives and nouns that often open a wish instead of a task.
NOT_IMPERATIVE_STARTS = _words(
    """
    a an all any better bigger clearer each every faster fewer follow-up followup further
    general greater improved improvements it its less maybe more must need needed needs new
    ongoing our perhaps possibly potentially probably proper quicker should smaller some
    somebody someone stronger that the their there these they this those we will would
    could can might shall ideally hopefully eventually additional extra enhanced increased
    reduced runbook runbooks playbook playbooks dashboard dashboards postmortem
    post-mortem failover rollback rollout monitoring alerting
    """
)

# Vague verbs: committing to them says nothing about when the work is done.
VAGUE_ALWAYS = (
    ("look", "into"), ("look", "at"), ("follow", "up"), ("think", "about"), ("try", "to"),
    ("work", "on"), ("consider",), ("explore",), ("discuss",), ("revisit",), ("brainstorm",),
)
# Vague unless their object is a concrete thing.
VAGUE_UNLESS_CONCRETE = _words(
    """
    improve improving improved enhance enhancing enhanced investigate investigating review
    reviewing ensure ensuring evaluate evaluating assess assessing optimise optimize
    optimising optimizing harden hardening address addressing fix strengthen streamline
    revise clean increase reduce better
    """
)
# Qualities and capabilities: "improve <this>" needs a number or an artefact to be done.
CAPABILITY_NOUNS = _words(
    """
    alerting alerts automation availability communication communications coverage
    dashboards documentation docs logging metrics monitoring observability performance
    process processes quality redundancy reliability resilience resiliency robustness
    safeguards security stability testing tests tooling visibility practices hygiene
    guardrails guard-rails checks alarms noise
    """
)
# Objects that say nothing: "fix the problem", "investigate the issue".
GENERIC_NOUNS = _words(
    """
    architecture cause causes failure failures incident incidents infrastructure issue
    issues it learnings matter matters options outage outages problem problems process
    processes root situation solution solutions stakeholders stuff system systems that
    these thing things this ways vendor vendors further future time retro retros
    everything setup item items management handling behaviour behavior approach
    """
) | CAPABILITY_NOUNS
# Finished things an open-ended verb can promise: "investigate … and write an ADR".
DELIVERABLES = _words(
    """
    adr adrs rfc rfcs decision decisions doc design proposal recommendation report
    write-up writeup ticket tickets findings result results
    """
)
# Verbs that, after "and"/"by"/"then", add a concrete step to an open-ended item.
CONCRETE_FOLLOWUPS = IMPERATIVE_VERBS - _words("check make keep use show list")

STOPWORDS = _words(
    """
    a about above after again against all also an and any are as at be been before being
    below between both but by can did do does doing down during each few for from further
    had has have having how if in into is it its itself just more most no nor not now of
    off on once only or other our ours out over own same so some such than that the their
    them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your next back
    """
)

# Behaviour-only remediation: asking people to try harder.
BEHAVIOUR_ADJECTIVES = _words("careful vigilant diligent attentive cautious mindful aware alert thorough")
BEHAVIOUR_VERBS = _words(
    """
    remind educate train retrain re-train coach tell ask instruct encourage urge advise
    emphasise emphasize stress reinforce communicate talk speak double-check triple-check
    remember teach
    """
)
PEOPLE_OBJECTS = _words(
    """
    engineers engineer developers developer devs team teams everyone everybody people staff
    operators operator responders responder reviewers reviewer on-call oncall rotation
    support agents authors author employees folks users owners sres dbas admins hires
    """
)
# Verbs that change a system; one of them in the item makes it more than a reminder.
SYSTEM_VERBS = _words(
    """
    add automate block build configure create deploy disable enable enforce gate implement
    introduce lint migrate prevent reject require restrict validate write alert page
    """
)

# ---------------------------------------------------------------------- blame, added later

# Nouns for the incident or a mishap in it: what a person is held responsible or accountable
# for when the words blame ("responsible for the outage"), not a service or a task.
INCIDENT_NOUNS = _words(
    "outage outages incident incidents failure failures breach breaches leak leaks mistake mistakes error errors "
    "deletion crash crashes downtime disruption disaster fiasco loss accident blunder mess"
)

"""Checks what `terraform apply` of infra/ created in a moto server.

Usage: verify.py <moto endpoint> <terraform output -json file> <admin token stored in SSM>
Exits 1 and names every mismatch when the deployment is not what the application needs.
"""
import json
import sys

import boto3

HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"

endpoint, outputs_file, admin_token = sys.argv[1:4]
outputs = {k: v["value"] for k, v in json.load(open(outputs_file)).items()}
failures = []


def client(service):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")


def check(what, actual, expected):
    if actual != expected:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")


def keys(schema):
    return {k["KeyType"]: k["AttributeName"] for k in schema}


# The table, as src/main/java/io/switchboard/store/Table.java declares it.
ddb = client("dynamodb")
table_name = outputs["dynamodb_table_name"]
table = ddb.describe_table(TableName=table_name)["Table"]
check("table key schema", keys(table["KeySchema"]), {"HASH": "pk", "RANGE": "sk"})
check("table billing mode", table.get("BillingModeSummary", {}).get("BillingMode"), "PAY_PER_REQUEST")
gsis = {g["IndexName"]: g for g in table.get("GlobalSecondaryIndexes", [])}
check("table indexes", sorted(gsis), ["byConversation", "byOwner", "due"])
if "byOwner" in gsis:
    check("index byOwner keys", keys(gsis["byOwner"]["KeySchema"]), {"HASH": "gsi1pk", "RANGE": "gsi1sk"})
    check("index byOwner projection", gsis["byOwner"]["Projection"].get("ProjectionType"), "KEYS_ONLY")
if "byConversation" in gsis:
    check("index byConversation keys", keys(gsis["byConversation"]["KeySchema"]), {"HASH": "convWs", "RANGE": "convKey"})
    check("index byConversation projection", gsis["byConversation"]["Projection"].get("ProjectionType"), "KEYS_ONLY")
if "due" in gsis:
    check("index due keys", keys(gsis["due"]["KeySchema"]), {"HASH": "dueShard", "RANGE": "dueKey"})
    check("index due projection", gsis["due"]["Projection"].get("ProjectionType"), "INCLUDE")
    check("index due projected attributes", gsis["due"]["Projection"].get("NonKeyAttributes"), ["wakeToken"])
ttl = ddb.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"]
check("table TTL attribute", ttl.get("AttributeName"), "expiresAt")
check("table TTL status", ttl.get("TimeToLiveStatus"), "ENABLED")
pitr = ddb.describe_continuous_backups(TableName=table_name)["ContinuousBackupsDescription"]
check("table point-in-time recovery",
      pitr.get("PointInTimeRecoveryDescription", {}).get("PointInTimeRecoveryStatus"), "ENABLED")

# The scheduler: the application's group, and the every-minute sweep.
scheduler = client("scheduler")
group = outputs["scheduler_schedule_group_name"]
check("schedule group state", scheduler.get_schedule_group(Name=group).get("State"), "ACTIVE")
aliases = outputs["lambda_alias_arns"]
sweep = scheduler.get_schedule(Name=f"{outputs['lambda_function_names']['sweep']}", GroupName="default")
check("sweep schedule expression", sweep.get("ScheduleExpression"), "rate(1 minute)")
check("sweep schedule target", sweep["Target"]["Arn"], aliases["sweep"])
check("sweep schedule role", sweep["Target"]["RoleArn"], outputs["scheduler_role_arn"])
check("sweep schedule input", json.loads(sweep["Target"].get("Input", "null")),
      {"scheduledTime": "<aws.scheduler.scheduled-time>"})

# The three functions from one package.
lam = client("lambda")
names = outputs["lambda_function_names"]
check("functions", sorted(names), ["http", "sweep", "wakeUp", "wakeUpQueue"])
for handler, name in names.items():
    config = lam.get_function(FunctionName=name)["Configuration"]
    env = config.get("Environment", {}).get("Variables", {})
    check(f"{name} runtime", config.get("Runtime"), "java17")
    check(f"{name} handler", config.get("Handler"), HANDLER)
    check(f"{name} QUARKUS_LAMBDA_HANDLER", env.get("QUARKUS_LAMBDA_HANDLER"), handler)
    check(f"{name} SWITCHBOARD_TABLE", env.get("SWITCHBOARD_TABLE"), table_name)
    check(f"{name} SWITCHBOARD_CREATE_TABLE", env.get("SWITCHBOARD_CREATE_TABLE"), "false")
    check(f"{name} SWITCHBOARD_SCHEDULER_ADAPTER", env.get("SWITCHBOARD_SCHEDULER_ADAPTER"), "sqs")
    check(f"{name} SWITCHBOARD_SCHEDULER_SQS_QUEUE_URL", env.get("SWITCHBOARD_SCHEDULER_SQS_QUEUE_URL"),
          outputs["sqs_wake_up_queue_url"])
    check(f"{name} SWITCHBOARD_SCHEDULER_EVENTBRIDGE_GROUP", env.get("SWITCHBOARD_SCHEDULER_EVENTBRIDGE_GROUP"), group)
    check(f"{name} SWITCHBOARD_SCHEDULER_EVENTBRIDGE_TARGET_ARN",
          env.get("SWITCHBOARD_SCHEDULER_EVENTBRIDGE_TARGET_ARN"), aliases["wakeUp"])
    check(f"{name} SWITCHBOARD_SCHEDULER_EVENTBRIDGE_ROLE_ARN",
          env.get("SWITCHBOARD_SCHEDULER_EVENTBRIDGE_ROLE_ARN"), outputs["scheduler_role_arn"])
    check(f"{name} SWITCHBOARD_SCHEDULER_EVENTBRIDGE_DEAD_LETTER_ARN",
          env.get("SWITCHBOARD_SCHEDULER_EVENTBRIDGE_DEAD_LETTER_ARN"), outputs["sqs_dead_letter_queue_arn"])
    check(f"{name} SWITCHBOARD_ADMIN_TOKEN", env.get("SWITCHBOARD_ADMIN_TOKEN"),
          admin_token if handler == "http" else None)
    check(f"{name} SWITCHBOARD_SECRETS_KEY", env.get("SWITCHBOARD_SECRETS_KEY"),
          "Y2ktc2VjcmV0cy1rZXktbm90LWEtc2VjcmV0LTAwMDA=" if handler == "http" else None)
    alias = lam.get_alias(FunctionName=name, Name="live")
    check(f"{name} alias live", alias.get("AliasArn"), aliases[handler])
url = lam.get_function_url_config(FunctionName=names["http"], Qualifier="live")
check("http function URL auth type", url.get("AuthType"), "NONE")
check("http function URL", url.get("FunctionUrl"), outputs["lambda_function_url"])

# The dead-letter queue.
sqs = client("sqs")
queue_url = sqs.get_queue_url(QueueName=outputs["sqs_dead_letter_queue_arn"].split(":")[-1])["QueueUrl"]
check("dead-letter queue URL", queue_url, outputs["sqs_dead_letter_queue_url"])

# The wake-up queue: delayed messages, redriven to its failures queue, delivered by the mapping in
# small batches with partial batch failure reporting, to the wake-up queue function only.
wake_ups = sqs.get_queue_attributes(QueueUrl=outputs["sqs_wake_up_queue_url"], AttributeNames=["All"])["Attributes"]
check("wake-up queue ARN", wake_ups.get("QueueArn"), outputs["sqs_wake_up_queue_arn"])
redrive = json.loads(wake_ups.get("RedrivePolicy", "{}"))
check("wake-up queue redrive target", redrive.get("deadLetterTargetArn"), outputs["sqs_wake_up_failures_queue_arn"])
check("wake-up queue max receive count", int(redrive.get("maxReceiveCount", 0)), 5)
check("wake-up queue visibility timeout (6 x function timeout)", wake_ups.get("VisibilityTimeout"), "180")
mapping = lam.get_event_source_mapping(UUID=outputs["lambda_event_source_mapping_uuid"])
check("mapping source", mapping.get("EventSourceArn"), outputs["sqs_wake_up_queue_arn"])
# AWS keeps the alias ARN; moto 5.2 stores the version the alias points to. Either is the live alias.
live = lam.get_alias(FunctionName=names["wakeUpQueue"], Name="live")
live_version_arn = aliases["wakeUpQueue"].rsplit(":", 1)[0] + ":" + live["FunctionVersion"]
if mapping.get("FunctionArn") not in (aliases["wakeUpQueue"], live_version_arn):
    failures.append(f"mapping target: expected {aliases['wakeUpQueue']!r}, got {mapping.get('FunctionArn')!r}")
check("mapping batch size", mapping.get("BatchSize"), 10)
check("mapping batching window", mapping.get("MaximumBatchingWindowInSeconds", 0), 0)
check("mapping partial batch failures", mapping.get("FunctionResponseTypes"), ["ReportBatchItemFailures"])

# Least privilege: the queue is sent to by the functions and received from by the mapping, nothing else.
iam = client("iam")
role_name = outputs["lambda_role_arn"].split("/")[-1]
queue_policy = iam.get_role_policy(RoleName=role_name, PolicyName="switchboard-wake-up-queue")["PolicyDocument"]
if isinstance(queue_policy, str):
    queue_policy = json.loads(queue_policy)
granted = sorted((a, r) for st in queue_policy["Statement"]
                 for a in ([st["Action"]] if isinstance(st["Action"], str) else st["Action"])
                 for r in ([st["Resource"]] if isinstance(st["Resource"], str) else st["Resource"]))
check("wake-up queue permissions", granted, sorted((a, outputs["sqs_wake_up_queue_arn"]) for a in
      ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:SendMessage"]))

# The alarms: both dead-letter queues, late wake-ups and each function's errors.
alarms = client("cloudwatch").describe_alarms(AlarmNames=outputs["cloudwatch_alarm_names"])["MetricAlarms"]
check("alarms", sorted(a["AlarmName"] for a in alarms), sorted(outputs["cloudwatch_alarm_names"]))
check("alarm count", len(alarms), 7)

# The alarms on the application's own meters (EMF), and the switch that makes the functions publish them.
metric_alarms = client("cloudwatch").describe_alarms(AlarmNames=outputs["observability_alarm_names"])["MetricAlarms"]
check("metric alarms", sorted((a["Namespace"], a["MetricName"]) for a in metric_alarms),
      [("Switchboard", "switchboard.runs.finished"), ("Switchboard", "switchboard.wakeup.lateness.max")])
for a in metric_alarms:
    if a["MetricName"] == "switchboard.runs.finished":
        check("run failures alarm dimensions", a.get("Dimensions"), [{"Name": "status", "Value": "failed"}])
for handler, name in names.items():
    env = lam.get_function(FunctionName=name)["Configuration"].get("Environment", {}).get("Variables", {})
    check(f"{name} SWITCHBOARD_METRICS_EMF", env.get("SWITCHBOARD_METRICS_EMF"), "true")
    check(f"{name} JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS"), "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")

if failures:
    print("moto verification FAILED:", *failures, sep="\n  ")
    sys.exit(1)
print(f"moto verification passed: table {table_name} with byOwner, due and byConversation indexes, TTL and PITR; "
      f"schedule group {group} and the sweep schedule; functions {', '.join(sorted(names.values()))}; "
      f"function URL; dead-letter queue; wake-up queue with its failures queue and event source mapping; "
      f"{len(alarms)} alarms")

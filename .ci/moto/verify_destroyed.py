"""Checks that `terraform destroy` of infra/ left nothing behind in a moto server.

Usage: verify_destroyed.py <moto endpoint>
"""
import sys

import boto3

endpoint = sys.argv[1]


def client(service):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")


left = {
    "tables": client("dynamodb").list_tables()["TableNames"],
    "functions": [f["FunctionName"] for f in client("lambda").list_functions()["Functions"]],
    "queues": client("sqs").list_queues().get("QueueUrls", []),
    "schedule groups": [g["Name"] for g in client("scheduler").list_schedule_groups()["ScheduleGroups"]
                        if g["Name"] != "default"],
    "schedules": [s["Name"] for s in client("scheduler").list_schedules()["Schedules"]],
    "roles": [r["RoleName"] for r in client("iam").list_roles()["Roles"]],
    "alarms": [a["AlarmName"] for a in client("cloudwatch").describe_alarms()["MetricAlarms"]],
    "log groups": [g["logGroupName"] for g in client("logs").describe_log_groups()["logGroups"]],
    "stacks": [s["StackName"] for s in client("cloudformation").list_stacks()["StackSummaries"]
               if s["StackStatus"] != "DELETE_COMPLETE"],
}
left = {kind: names for kind, names in left.items() if names}
if left:
    print("destroy left resources behind:", *(f"{k}: {v}" for k, v in left.items()), sep="\n  ")
    sys.exit(1)
print("destroy left nothing behind")

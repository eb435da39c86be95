output "lambda_function_url" {
  description = "Public base URL of the http function (ends with /). Webhook URL of a custom channel: <this>webhooks/custom/<channelId>; workspace API: <this>api/v1/...; admin API: <this>admin/workspaces."
  value       = aws_lambda_function_url.http.function_url
}

output "lambda_function_names" {
  description = "Function names by handler (http, wakeUp, sweep, wakeUpQueue), for logs and `aws lambda invoke`."
  value       = { for k, f in aws_lambda_function.this : k => f.function_name }
}

output "lambda_alias_arns" {
  description = "ARNs of the `live` aliases by handler: what the function URL, the schedules and manual invocations address."
  value       = { for k, a in aws_lambda_alias.live : k => a.arn }
}

output "lambda_role_arn" {
  description = "ARN of the functions' execution role."
  value       = aws_iam_role.lambda.arn
}

output "dynamodb_table_name" {
  description = "Name of the DynamoDB table (SWITCHBOARD_TABLE)."
  value       = aws_dynamodb_table.this.name
}

output "dynamodb_table_arn" {
  description = "ARN of the DynamoDB table."
  value       = aws_dynamodb_table.this.arn
}

output "scheduler_schedule_group_name" {
  description = "Schedule group holding the one-time wake-up schedules (SWITCHBOARD_SCHEDULER_EVENTBRIDGE_GROUP)."
  value       = aws_scheduler_schedule_group.wake_ups.name
}

output "scheduler_role_arn" {
  description = "ARN of the role EventBridge Scheduler assumes (SWITCHBOARD_SCHEDULER_EVENTBRIDGE_ROLE_ARN)."
  value       = aws_iam_role.scheduler.arn
}

output "sqs_dead_letter_queue_url" {
  description = "URL of the queue receiving wake-ups the scheduler could not deliver."
  value       = aws_sqs_queue.dead_letters.url
}

output "sqs_dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue (SWITCHBOARD_SCHEDULER_EVENTBRIDGE_DEAD_LETTER_ARN)."
  value       = aws_sqs_queue.dead_letters.arn
}

output "cloudwatch_alarm_names" {
  description = "Names of the alarms: the dead-letter queue and each function's errors."
  value = concat([aws_cloudwatch_metric_alarm.dead_letters.alarm_name], [for a in aws_cloudwatch_metric_alarm.function_errors : a.alarm_name],
  [aws_cloudwatch_metric_alarm.wake_up_failures.alarm_name, aws_cloudwatch_metric_alarm.wake_ups_late.alarm_name])
}

output "sqs_wake_up_queue_url" {
  description = "URL of the queue that delivers wake-ups on time (SWITCHBOARD_SCHEDULER_SQS_QUEUE_URL)."
  value       = aws_sqs_queue.wake_ups.url
}

output "sqs_wake_up_queue_arn" {
  description = "ARN of the wake-up queue."
  value       = aws_sqs_queue.wake_ups.arn
}

output "sqs_wake_up_failures_queue_arn" {
  description = "ARN of the queue receiving wake-ups the wake-up queue function failed on every delivery."
  value       = aws_sqs_queue.wake_up_failures.arn
}

output "lambda_event_source_mapping_uuid" {
  description = "UUID of the event source mapping from the wake-up queue to the wake-up queue function."
  value       = aws_lambda_event_source_mapping.wake_ups.uuid
}

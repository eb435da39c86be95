locals {
  alarm_actions = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]
}

# A wake-up the scheduler could not deliver: the run was resumed late, by the sweep.
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  alarm_name        = "${var.prefix}-wake-up-dead-letters"
  alarm_description = "Wake-ups EventBridge Scheduler could not deliver to ${local.function_names["wakeUp"]}. Inspect the messages in ${aws_sqs_queue.dead_letters.name}, then purge them: the sweep has resumed those runs."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.dead_letters.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Any invocation error of a function (all versions), over one minute.
resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each = aws_lambda_function.this

  alarm_name        = "${each.value.function_name}-errors"
  alarm_description = "Invocations of ${each.value.function_name} ended in an error. See log group ${aws_cloudwatch_log_group.function[each.key].name}."
  namespace         = "AWS/Lambda"
  metric_name       = "Errors"
  dimensions = {
    FunctionName = each.value.function_name
  }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

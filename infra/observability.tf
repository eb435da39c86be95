# The application's own meters, published by every function as CloudWatch Embedded Metric Format
# lines (SWITCHBOARD_METRICS_EMF, see lambda.tf): the same meters Kubernetes scrapes at /q/metrics.
# Each meter is published under all its tags and under each tag alone, so these alarms watch every
# workflow at once.

# Runs that failed (a step threw, or the workflow version they follow was deleted).
resource "aws_cloudwatch_metric_alarm" "run_failures" {
  alarm_name        = "${var.prefix}-run-failures"
  alarm_description = "Workflow runs failed. The failed step and its reason are in the run's history (GET /api/v1/contacts/{contactId}/runs/{runId}) and in the log lines carrying its runId."
  namespace         = var.metrics_namespace
  metric_name       = "switchboard.runs.finished"
  dimensions = {
    status = "failed"
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.run_failures_alarm_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# A wait that ended later than it should: the scheduler or the sweep is behind.
resource "aws_cloudwatch_metric_alarm" "wake_up_lateness" {
  alarm_name          = "${var.prefix}-wake-up-lateness"
  alarm_description   = "A waiting run woke up more than ${var.wake_up_lateness_alarm_seconds} s after its due time. Check the wakeUp and sweep functions' throttles and errors, and the dead-letter queue."
  namespace           = var.metrics_namespace
  metric_name         = "switchboard.wakeup.lateness.max"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.wake_up_lateness_alarm_seconds * 1000
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

variable "metrics_namespace" {
  description = "CloudWatch namespace the functions publish their meters in."
  type        = string
  default     = "Switchboard"
}

variable "run_failures_alarm_threshold" {
  description = "Failed runs in five minutes above which the run-failures alarm fires."
  type        = number
  default     = 0
}

variable "wake_up_lateness_alarm_seconds" {
  description = "Wake-up lateness, in seconds, above which the wake-up-lateness alarm fires (the sweep runs every minute, so a wake-up it delivers can be up to a minute late)."
  type        = number
  default     = 90
}

output "observability_alarm_names" {
  description = "Names of the alarms on the application's own meters: run failures and wake-up lateness."
  value       = [aws_cloudwatch_metric_alarm.run_failures.alarm_name, aws_cloudwatch_metric_alarm.wake_up_lateness.alarm_name]
}

# Holds only the one-time wake-up schedules the application creates (one per waiting run, deleted
# by the service once it has fired). The application may create and delete schedules in this
# group and nowhere else.
resource "aws_scheduler_schedule_group" "wake_ups" {
  name = local.schedule_group_name
}

# Wake-ups the scheduler could not deliver after its retries. The sweep resumes those runs anyway;
# a message here means wake-ups arrived late, and the alarm in monitoring.tf says so.
resource "aws_sqs_queue" "dead_letters" {
  name                      = "${var.prefix}-wake-up-dead-letters"
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true
}

# The safety net: every minute, resume every due run whose wake-up was lost or whose process died.
# It lives in the default group, outside the application's group, so the application cannot
# delete it.
resource "aws_scheduler_schedule" "sweep" {
  name                = "${var.prefix}-sweep"
  group_name          = "default"
  schedule_expression = "rate(1 minute)"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.live["sweep"].arn
    role_arn = aws_iam_role.scheduler.arn
    # The minute the sweep was scheduled for decides which wake-ups it hands to the queue (sqs.tf),
    # however late in that minute the scheduler starts it.
    input = jsonencode({ scheduledTime = "<aws.scheduler.scheduled-time>" })

    # A late sweep is useless: the next one is a minute away.
    retry_policy {
      maximum_event_age_in_seconds = 60
      maximum_retry_attempts       = 0
    }
  }
}

# ---------------------------------------------------------------------------------------------
# The second stage of a wake-up: the per-minute sweep sends each wake-up due in the minute after
# next to this queue with the remaining delay (DelaySeconds), and a Wait shorter than two minutes
# is sent when it starts. The event source mapping delivers each message to the wake-up queue
# function when it becomes visible, so a wait ends within about a second of its due time.
# ---------------------------------------------------------------------------------------------

locals {
  # Lambda's guidance for an event source mapping: at least six times the function's timeout, so a
  # batch still being handled is not delivered a second time.
  wake_up_queue_visibility_timeout = 6 * var.lambda_timeout
}

resource "aws_sqs_queue" "wake_ups" {
  name                       = "${var.prefix}-wake-ups"
  visibility_timeout_seconds = local.wake_up_queue_visibility_timeout
  # A wake-up is at most 15 minutes in the queue before it is due; a day covers any outage of the function.
  message_retention_seconds = 86400
  sqs_managed_sse_enabled   = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.wake_up_failures.arn
    maxReceiveCount     = var.wake_up_max_receive_count
  })
}

# Wake-ups the function reported as failed on every delivery, and messages that are not wake-ups.
# The runs are still in the due index: the sweep resumes them, late.
resource "aws_sqs_queue" "wake_up_failures" {
  name                      = "${var.prefix}-wake-up-failures"
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true
}

resource "aws_lambda_event_source_mapping" "wake_ups" {
  event_source_arn = aws_sqs_queue.wake_ups.arn
  function_name    = aws_lambda_alias.live["wakeUpQueue"].arn
  # Small batches handled in parallel, and no batching window: a message is handed over as soon
  # as it is visible, which is what keeps a wake-up on time.
  batch_size                         = 10
  maximum_batching_window_in_seconds = 0
  # The function names the messages to deliver again; the others of the batch are done.
  function_response_types = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy.wake_up_queue]
}

# Every function may reach a Wait step (and the sweep hands over the coming minute): all send to
# the queue. Only the wake-up queue function's mapping receives from it, with the same role.
data "aws_iam_policy_document" "wake_up_queue" {
  statement {
    sid       = "SendWakeUps"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.wake_ups.arn]
  }

  statement {
    sid = "ReceiveWakeUps"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.wake_ups.arn]
  }
}

resource "aws_iam_role_policy" "wake_up_queue" {
  name   = "switchboard-wake-up-queue"
  role   = aws_iam_role.lambda.id
  policy = data.aws_iam_policy_document.wake_up_queue.json
}

# Wake-ups that failed on every delivery. A wait of one to fifteen minutes has no due entry (the queue holds
# it alone), so its run waits until the message is redriven: never purge them.
resource "aws_cloudwatch_metric_alarm" "wake_up_failures" {
  alarm_name        = "${var.prefix}-wake-up-failures"
  alarm_description = "Wake-ups ${local.function_names["wakeUpQueue"]} failed ${var.wake_up_max_receive_count} times, or messages that are not wake-ups. See its log group, fix the cause, then redrive ${aws_sqs_queue.wake_up_failures.name} to ${aws_sqs_queue.wake_ups.name} (SQS dead-letter queue redrive): a redriven wake-up resumes its run once, a stale one changes nothing. Do not purge: waits of one to fifteen minutes have no due entry for the sweep to resume."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.wake_up_failures.name
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

# Visible wake-ups left waiting: the function is throttled or failing, so waits end late.
resource "aws_cloudwatch_metric_alarm" "wake_ups_late" {
  alarm_name        = "${var.prefix}-wake-ups-late"
  alarm_description = "Wake-ups wait in ${aws_sqs_queue.wake_ups.name} after they are due: ${local.function_names["wakeUpQueue"]} is throttled (reserved concurrency) or failing."
  namespace         = "AWS/SQS"
  # Not the oldest message's age: that counts from sending, delay included, and a wait the queue holds is
  # sent up to 15 minutes before it is due. A delayed message is not visible; one that stays visible through
  # three whole minutes (the minimum of each minute above zero) is due and not taken.
  metric_name = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.wake_ups.name
  }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

"""Contains all the data models used in inputs/outputs"""

from .action_item_response import ActionItemResponse
from .attach_question_set_request import AttachQuestionSetRequest
from .calendar_feed import CalendarFeed
from .cancel_action_body import CancelActionBody
from .capped_resource import CappedResource
from .change_password_request import ChangePasswordRequest
from .change_type_0 import ChangeType0
from .change_type_0_resource import ChangeType0Resource
from .change_type_1 import ChangeType1
from .change_type_1_resource import ChangeType1Resource
from .change_type_2 import ChangeType2
from .change_type_2_resource import ChangeType2Resource
from .change_type_3 import ChangeType3
from .change_type_3_resource import ChangeType3Resource
from .change_type_4 import ChangeType4
from .change_type_4_resource import ChangeType4Resource
from .change_type_5 import ChangeType5
from .change_type_5_resource import ChangeType5Resource
from .change_type_6 import ChangeType6
from .change_type_6_resource import ChangeType6Resource
from .change_type_7 import ChangeType7
from .change_type_7_resource import ChangeType7Resource
from .change_type_8 import ChangeType8
from .change_type_8_resource import ChangeType8Resource
from .complete_action_body import CompleteActionBody
from .contact_expansion import ContactExpansion
from .contact_import_error import ContactImportError
from .contact_response import ContactResponse
from .contact_segment import ContactSegment
from .contact_sort import ContactSort
from .contact_source import ContactSource
from .contacts_by_segment import ContactsBySegment
from .create_action_item_request import CreateActionItemRequest
from .create_contact_request import CreateContactRequest
from .create_employer_request import CreateEmployerRequest
from .create_interview_request import CreateInterviewRequest
from .create_question_request import CreateQuestionRequest
from .create_question_set_request import CreateQuestionSetRequest
from .create_reminder_request import CreateReminderRequest
from .create_webhook_request import CreateWebhookRequest
from .created_webhook_response import CreatedWebhookResponse
from .delivery_response import DeliveryResponse
from .delivery_status import DeliveryStatus
from .employer_expansion import EmployerExpansion
from .employer_response import EmployerResponse
from .employer_sort import EmployerSort
from .employer_status import EmployerStatus
from .export_format import ExportFormat
from .field_error import FieldError
from .health import Health
from .health_status import HealthStatus
from .import_result import ImportResult
from .interview_action import InterviewAction
from .interview_completed_event import InterviewCompletedEvent
from .interview_format import InterviewFormat
from .interview_question_response import InterviewQuestionResponse
from .interview_response import InterviewResponse
from .interview_scheduled_event import InterviewScheduledEvent
from .interview_status import InterviewStatus
from .interview_warning import InterviewWarning
from .interviews_by_status import InterviewsByStatus
from .login_request import LoginRequest
from .network_edge import NetworkEdge
from .network_node import NetworkNode
from .network_response import NetworkResponse
from .no_fields import NoFields
from .operation import Operation
from .outreach_channel import OutreachChannel
from .outreach_check import OutreachCheck
from .outreach_check_request import OutreachCheckRequest
from .outreach_placeholder import OutreachPlaceholder
from .outreach_script import OutreachScript
from .outreach_template import OutreachTemplate
from .outreach_verdict import OutreachVerdict
from .page_contact_response import PageContactResponse
from .page_delivery_response import PageDeliveryResponse
from .page_employer_response import PageEmployerResponse
from .page_interview_response import PageInterviewResponse
from .page_question_set_response import PageQuestionSetResponse
from .page_reminder_response import PageReminderResponse
from .problem import Problem
from .question_category import QuestionCategory
from .question_response import QuestionResponse
from .question_set_response import QuestionSetResponse
from .question_set_scope import QuestionSetScope
from .refresh_request import RefreshRequest
from .register_request import RegisterRequest
from .reminder_due_event import ReminderDueEvent
from .reminder_kind import ReminderKind
from .reminder_origin import ReminderOrigin
from .reminder_response import ReminderResponse
from .reminder_status import ReminderStatus
from .reorder_request import ReorderRequest
from .request_action_body import RequestActionBody
from .schedule_action_body import ScheduleActionBody
from .snooze_request import SnoozeRequest
from .stats import Stats
from .subscribable_webhook_event import SubscribableWebhookEvent
from .sync_page import SyncPage
from .synced_interview_question import SyncedInterviewQuestion
from .thank_you_action_body import ThankYouActionBody
from .thank_you_stats import ThankYouStats
from .token_response import TokenResponse
from .update_action_item_request import UpdateActionItemRequest
from .update_contact_request import UpdateContactRequest
from .update_employer_request import UpdateEmployerRequest
from .update_interview_question_request import UpdateInterviewQuestionRequest
from .update_interview_request import UpdateInterviewRequest
from .update_me_request import UpdateMeRequest
from .update_question_request import UpdateQuestionRequest
from .update_question_set_request import UpdateQuestionSetRequest
from .update_reminder_request import UpdateReminderRequest
from .update_webhook_request import UpdateWebhookRequest
from .usage_cap import UsageCap
from .user_response import UserResponse
from .user_role import UserRole
from .webhook_ping_event import WebhookPingEvent
from .webhook_ping_event_data import WebhookPingEventData
from .webhook_response import WebhookResponse
from .whole_list_action_item_response import WholeListActionItemResponse
from .whole_list_interview_question_response import WholeListInterviewQuestionResponse
from .whole_list_webhook_response import WholeListWebhookResponse

__all__ = (
    "ActionItemResponse",
    "AttachQuestionSetRequest",
    "CalendarFeed",
    "CancelActionBody",
    "CappedResource",
    "ChangePasswordRequest",
    "ChangeType0",
    "ChangeType0Resource",
    "ChangeType1",
    "ChangeType1Resource",
    "ChangeType2",
    "ChangeType2Resource",
    "ChangeType3",
    "ChangeType3Resource",
    "ChangeType4",
    "ChangeType4Resource",
    "ChangeType5",
    "ChangeType5Resource",
    "ChangeType6",
    "ChangeType6Resource",
    "ChangeType7",
    "ChangeType7Resource",
    "ChangeType8",
    "ChangeType8Resource",
    "CompleteActionBody",
    "ContactExpansion",
    "ContactImportError",
    "ContactResponse",
    "ContactsBySegment",
    "ContactSegment",
    "ContactSort",
    "ContactSource",
    "CreateActionItemRequest",
    "CreateContactRequest",
    "CreatedWebhookResponse",
    "CreateEmployerRequest",
    "CreateInterviewRequest",
    "CreateQuestionRequest",
    "CreateQuestionSetRequest",
    "CreateReminderRequest",
    "CreateWebhookRequest",
    "DeliveryResponse",
    "DeliveryStatus",
    "EmployerExpansion",
    "EmployerResponse",
    "EmployerSort",
    "EmployerStatus",
    "ExportFormat",
    "FieldError",
    "Health",
    "HealthStatus",
    "ImportResult",
    "InterviewAction",
    "InterviewCompletedEvent",
    "InterviewFormat",
    "InterviewQuestionResponse",
    "InterviewResponse",
    "InterviewsByStatus",
    "InterviewScheduledEvent",
    "InterviewStatus",
    "InterviewWarning",
    "LoginRequest",
    "NetworkEdge",
    "NetworkNode",
    "NetworkResponse",
    "NoFields",
    "Operation",
    "OutreachChannel",
    "OutreachCheck",
    "OutreachCheckRequest",
    "OutreachPlaceholder",
    "OutreachScript",
    "OutreachTemplate",
    "OutreachVerdict",
    "PageContactResponse",
    "PageDeliveryResponse",
    "PageEmployerResponse",
    "PageInterviewResponse",
    "PageQuestionSetResponse",
    "PageReminderResponse",
    "Problem",
    "QuestionCategory",
    "QuestionResponse",
    "QuestionSetResponse",
    "QuestionSetScope",
    "RefreshRequest",
    "RegisterRequest",
    "ReminderDueEvent",
    "ReminderKind",
    "ReminderOrigin",
    "ReminderResponse",
    "ReminderStatus",
    "ReorderRequest",
    "RequestActionBody",
    "ScheduleActionBody",
    "SnoozeRequest",
    "Stats",
    "SubscribableWebhookEvent",
    "SyncedInterviewQuestion",
    "SyncPage",
    "ThankYouActionBody",
    "ThankYouStats",
    "TokenResponse",
    "UpdateActionItemRequest",
    "UpdateContactRequest",
    "UpdateEmployerRequest",
    "UpdateInterviewQuestionRequest",
    "UpdateInterviewRequest",
    "UpdateMeRequest",
    "UpdateQuestionRequest",
    "UpdateQuestionSetRequest",
    "UpdateReminderRequest",
    "UpdateWebhookRequest",
    "UsageCap",
    "UserResponse",
    "UserRole",
    "WebhookPingEvent",
    "WebhookPingEventData",
    "WebhookResponse",
    "WholeListActionItemResponse",
    "WholeListInterviewQuestionResponse",
    "WholeListWebhookResponse",
)

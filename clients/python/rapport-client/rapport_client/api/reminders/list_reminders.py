import datetime
from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_expansion import ContactExpansion
from ...models.page_reminder_response import PageReminderResponse
from ...models.problem import Problem
from ...models.reminder_kind import ReminderKind
from ...models.reminder_status import ReminderStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[ReminderStatus] | Unset = UNSET,
    kind: list[ReminderKind] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    interview_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)

    params["kind"] = json_kind

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["due_after"] = json_due_after

    json_interview_id: str | Unset = UNSET
    if not isinstance(interview_id, Unset):
        json_interview_id = str(interview_id)
    params["interview_id"] = json_interview_id

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    json_expand: list[str] | Unset = UNSET
    if not isinstance(expand, Unset):
        json_expand = []
        for expand_item_data in expand:
            expand_item = expand_item_data.value
            json_expand.append(expand_item)

    params["expand"] = json_expand

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reminders",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageReminderResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PageReminderResponse.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | PageReminderResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[ReminderStatus] | Unset = UNSET,
    kind: list[ReminderKind] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    interview_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageReminderResponse | Problem]:
    """List reminders

     By due time, oldest first; filters by status, kind, due time, interview
    and contact.

    Args:
        status (list[ReminderStatus] | Unset):
        kind (list[ReminderKind] | Unset):
        updated_after (datetime.datetime | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        interview_id (UUID | Unset):
        contact_id (UUID | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageReminderResponse | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        kind=kind,
        updated_after=updated_after,
        due_before=due_before,
        due_after=due_after,
        interview_id=interview_id,
        contact_id=contact_id,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: list[ReminderStatus] | Unset = UNSET,
    kind: list[ReminderKind] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    interview_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageReminderResponse | Problem | None:
    """List reminders

     By due time, oldest first; filters by status, kind, due time, interview
    and contact.

    Args:
        status (list[ReminderStatus] | Unset):
        kind (list[ReminderKind] | Unset):
        updated_after (datetime.datetime | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        interview_id (UUID | Unset):
        contact_id (UUID | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageReminderResponse | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        kind=kind,
        updated_after=updated_after,
        due_before=due_before,
        due_after=due_after,
        interview_id=interview_id,
        contact_id=contact_id,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[ReminderStatus] | Unset = UNSET,
    kind: list[ReminderKind] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    interview_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageReminderResponse | Problem]:
    """List reminders

     By due time, oldest first; filters by status, kind, due time, interview
    and contact.

    Args:
        status (list[ReminderStatus] | Unset):
        kind (list[ReminderKind] | Unset):
        updated_after (datetime.datetime | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        interview_id (UUID | Unset):
        contact_id (UUID | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageReminderResponse | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        kind=kind,
        updated_after=updated_after,
        due_before=due_before,
        due_after=due_after,
        interview_id=interview_id,
        contact_id=contact_id,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: list[ReminderStatus] | Unset = UNSET,
    kind: list[ReminderKind] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    interview_id: UUID | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageReminderResponse | Problem | None:
    """List reminders

     By due time, oldest first; filters by status, kind, due time, interview
    and contact.

    Args:
        status (list[ReminderStatus] | Unset):
        kind (list[ReminderKind] | Unset):
        updated_after (datetime.datetime | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        interview_id (UUID | Unset):
        contact_id (UUID | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageReminderResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            kind=kind,
            updated_after=updated_after,
            due_before=due_before,
            due_after=due_after,
            interview_id=interview_id,
            contact_id=contact_id,
            expand=expand,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed

import datetime
from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_expansion import ContactExpansion
from ...models.interview_status import InterviewStatus
from ...models.page_interview_response import PageInterviewResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[InterviewStatus] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
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

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    json_contact_id: str | Unset = UNSET
    if not isinstance(contact_id, Unset):
        json_contact_id = str(contact_id)
    params["contact_id"] = json_contact_id

    json_employer_id: str | Unset = UNSET
    if not isinstance(employer_id, Unset):
        json_employer_id = str(employer_id)
    params["employer_id"] = json_employer_id

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

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
        "url": "/v1/interviews",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageInterviewResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PageInterviewResponse.from_dict(response.json())

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
) -> Response[Any | PageInterviewResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[InterviewStatus] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageInterviewResponse | Problem]:
    """List interviews

     Newest first; filters by status, contact, employer and a range of
    `scheduled_start`.

    Args:
        status (list[InterviewStatus] | Unset):
        updated_after (datetime.datetime | Unset):
        contact_id (UUID | Unset):
        employer_id (UUID | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageInterviewResponse | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        updated_after=updated_after,
        contact_id=contact_id,
        employer_id=employer_id,
        from_=from_,
        to=to,
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
    status: list[InterviewStatus] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageInterviewResponse | Problem | None:
    """List interviews

     Newest first; filters by status, contact, employer and a range of
    `scheduled_start`.

    Args:
        status (list[InterviewStatus] | Unset):
        updated_after (datetime.datetime | Unset):
        contact_id (UUID | Unset):
        employer_id (UUID | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageInterviewResponse | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        updated_after=updated_after,
        contact_id=contact_id,
        employer_id=employer_id,
        from_=from_,
        to=to,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[InterviewStatus] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageInterviewResponse | Problem]:
    """List interviews

     Newest first; filters by status, contact, employer and a range of
    `scheduled_start`.

    Args:
        status (list[InterviewStatus] | Unset):
        updated_after (datetime.datetime | Unset):
        contact_id (UUID | Unset):
        employer_id (UUID | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageInterviewResponse | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        updated_after=updated_after,
        contact_id=contact_id,
        employer_id=employer_id,
        from_=from_,
        to=to,
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
    status: list[InterviewStatus] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    contact_id: UUID | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: list[ContactExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageInterviewResponse | Problem | None:
    """List interviews

     Newest first; filters by status, contact, employer and a range of
    `scheduled_start`.

    Args:
        status (list[InterviewStatus] | Unset):
        updated_after (datetime.datetime | Unset):
        contact_id (UUID | Unset):
        employer_id (UUID | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (list[ContactExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageInterviewResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            updated_after=updated_after,
            contact_id=contact_id,
            employer_id=employer_id,
            from_=from_,
            to=to,
            expand=expand,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed

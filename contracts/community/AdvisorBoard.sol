// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {IAdvisorBoard} from "../interfaces/IAdvisorBoard.sol";

/**
 * @title AdvisorBoard
 * @notice The council's advisors and their statements of opinion: each advisor files at most one opinion per motion
 * (a recommendation, a URI and a content hash) before the motion's voting ends.
 * @dev The owner is the timelock, so advisors are appointed and removed by motions; the motion policy classifies a
 * call to a contract it does not list as Constitutional. An opinion is accepted while the governor reports the
 * motion Pending or Active, so a members' extension of the vote also extends the time for opinions. A removed
 * advisor's opinions stay on record, and being appointed again never allows a second opinion on the same motion.
 * Every write is O(1); lists are read in pages of at most {MAX_PAGE} entries.
 */
contract AdvisorBoard is GovernedOwnable, IAdvisorBoard {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Longest advisor name, in bytes.
    uint256 public constant MAX_NAME_LENGTH = 64;
    /// @notice Longest opinion URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice Most entries a paged view returns.
    uint256 public constant MAX_PAGE = 100;

    IGovernor private immutable _GOVERNOR;

    EnumerableSet.AddressSet private _advisors;
    mapping(address advisor => string) private _names;
    mapping(uint256 proposalId => Opinion[]) private _opinions;
    // Index + 1 of an advisor's opinion in _opinions[proposalId]; 0 when it filed none.
    mapping(uint256 proposalId => mapping(address advisor => uint256)) private _opinionSlot;
    mapping(address advisor => uint256[]) private _opinedMotions;

    /**
     * @notice Deploys the board for `governor_`'s motions.
     * @param owner_ The owner (the timelock).
     * @param governor_ The council governor.
     */
    constructor(address owner_, IGovernor governor_) GovernedOwnable(owner_) {
        if (address(governor_) == address(0)) revert AdvisorBoardZeroAddress();
        _GOVERNOR = governor_;
    }

    /**
     * @notice Appoint an advisor. Governance only (a Constitutional motion).
     * @param account The advisor's account (it files opinions from it).
     * @param name Display name, 1 to 64 bytes.
     */
    function appointAdvisor(address account, string calldata name) external onlyOwner {
        if (account == address(0)) revert AdvisorBoardZeroAddress();
        uint256 length = bytes(name).length;
        if (length == 0 || length > MAX_NAME_LENGTH) revert AdvisorBoardInvalidName(length);
        if (!_advisors.add(account)) revert AdvisorBoardAlreadyAdvisor(account);
        _names[account] = name;
        emit AdvisorAppointed(account, name);
    }

    /**
     * @notice Remove an advisor. Governance only (a Constitutional motion); its opinions stay on record.
     * @param account The advisor's account.
     */
    function removeAdvisor(address account) external onlyOwner {
        if (!_advisors.remove(account)) revert AdvisorBoardNotAdvisor(account);
        delete _names[account];
        emit AdvisorRemoved(account);
    }

    /// @inheritdoc IAdvisorBoard
    function fileOpinion(uint256 proposalId, uint8 recommendation, string calldata uri, bytes32 contentHash) external {
        if (!_advisors.contains(msg.sender)) revert AdvisorBoardNotAdvisor(msg.sender);
        if (recommendation > uint8(Recommendation.Abstain)) revert AdvisorBoardInvalidRecommendation(recommendation);
        uint256 length = bytes(uri).length;
        if (length == 0 || length > MAX_URI_LENGTH) revert AdvisorBoardInvalidURI(length);
        if (contentHash == bytes32(0)) revert AdvisorBoardEmptyContentHash();
        if (_GOVERNOR.proposalSnapshot(proposalId) == 0) revert AdvisorBoardUnknownMotion(proposalId);
        IGovernor.ProposalState current = _GOVERNOR.state(proposalId);
        if (current != IGovernor.ProposalState.Pending && current != IGovernor.ProposalState.Active) {
            revert AdvisorBoardVotingClosed(proposalId, current);
        }
        if (_opinionSlot[proposalId][msg.sender] != 0) revert AdvisorBoardOpinionAlreadyFiled(proposalId, msg.sender);

        Opinion[] storage list = _opinions[proposalId];
        list.push(
            Opinion({
                advisor: msg.sender,
                recommendation: Recommendation(recommendation),
                filedAt: uint48(block.timestamp),
                contentHash: contentHash,
                uri: uri
            })
        );
        _opinionSlot[proposalId][msg.sender] = list.length;
        _opinedMotions[msg.sender].push(proposalId);
        emit OpinionFiled(proposalId, msg.sender, Recommendation(recommendation), uri, contentHash);
    }

    /// @inheritdoc IAdvisorBoard
    function opinionCount(uint256 proposalId) external view returns (uint256) {
        return _opinions[proposalId].length;
    }

    /// @inheritdoc IAdvisorBoard
    function opinions(uint256 proposalId, uint256 offset, uint256 limit) external view returns (Opinion[] memory page) {
        Opinion[] storage list = _opinions[proposalId];
        (uint256 start, uint256 count) = _window(list.length, offset, limit);
        page = new Opinion[](count);
        for (uint256 i = 0; i < count; ++i) page[i] = list[start + i];
    }

    /**
     * @notice An advisor's opinion on a motion.
     * @param proposalId The motion.
     * @param advisor The advisor.
     * @return filed Whether it filed one.
     * @return opinion The opinion (empty when not filed).
     */
    function opinionOf(uint256 proposalId, address advisor) external view returns (bool filed, Opinion memory opinion) {
        uint256 slot = _opinionSlot[proposalId][advisor];
        if (slot != 0) return (true, _opinions[proposalId][slot - 1]);
    }

    /**
     * @notice How many motions an advisor has filed opinions on.
     * @param advisor The advisor.
     * @return The count.
     */
    function opinedMotionCount(address advisor) external view returns (uint256) {
        return _opinedMotions[advisor].length;
    }

    /**
     * @notice A page of the motions an advisor has filed opinions on, in filing order.
     * @param advisor The advisor.
     * @param offset First index.
     * @param limit Entries at most (up to the page size).
     * @return page The motion ids.
     */
    function opinedMotions(
        address advisor,
        uint256 offset,
        uint256 limit
    ) external view returns (uint256[] memory page) {
        uint256[] storage list = _opinedMotions[advisor];
        (uint256 start, uint256 count) = _window(list.length, offset, limit);
        page = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) page[i] = list[start + i];
    }

    /**
     * @notice Whether an account is an advisor now.
     * @param account The account.
     * @return True for a serving advisor.
     */
    function isAdvisor(address account) external view returns (bool) {
        return _advisors.contains(account);
    }

    /**
     * @notice A serving advisor's display name (empty for others).
     * @param account The advisor.
     * @return The name.
     */
    function advisorName(address account) external view returns (string memory) {
        return _names[account];
    }

    /**
     * @notice How many advisors serve now.
     * @return The count.
     */
    function advisorCount() external view returns (uint256) {
        return _advisors.length();
    }

    /**
     * @notice A page of the serving advisors (order changes when one is removed).
     * @param offset First index.
     * @param limit Entries at most (up to the page size).
     * @return page The advisors' accounts.
     */
    function advisors(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        (uint256 start, uint256 count) = _window(_advisors.length(), offset, limit);
        page = new address[](count);
        for (uint256 i = 0; i < count; ++i) page[i] = _advisors.at(start + i);
    }

    /**
     * @notice The governor whose motions the opinions are about.
     * @return The governor.
     */
    function governor() external view returns (IGovernor) {
        return _GOVERNOR;
    }

    /// @dev The slice [start, start + count) of a list of `length` entries; refuses pages above MAX_PAGE.
    function _window(uint256 length, uint256 offset, uint256 limit) private pure returns (uint256, uint256) {
        if (limit > MAX_PAGE) revert AdvisorBoardPageTooLarge(limit, MAX_PAGE);
        if (offset >= length) return (offset, 0);
        uint256 remaining = length - offset;
        return (offset, remaining < limit ? remaining : limit);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {KaiaStakeVault} from "../../contracts/council/KaiaStakeVault.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {IKaiaAddressBook} from "../../contracts/interfaces/kaia/IKaiaAddressBook.sol";
import {AddressBookMock} from "../../contracts/mocks/kaia/AddressBookMock.sol";
import {CnStakingMock} from "../../contracts/mocks/kaia/CnStakingMock.sol";
import {CnStakingV2Mock} from "../../contracts/mocks/kaia/CnStakingV2Mock.sol";
import {CnStakingV3Mock} from "../../contracts/mocks/kaia/CnStakingV3Mock.sol";
import {TestBase} from "../utils/Vm.sol";
import {VoteGhost} from "./VoteGhost.sol";

/**
 * @title KaiaCouncilHandler
 * @notice Drives random sequences against a KaiaStakeVault (tracker or read mode) and its members' CnStaking mocks
 * (V2 and V3 alternately): stake, withdrawal approvals, cancellations and withdrawals, coin forced into a
 * CnStaking, permissionless refreshes, tracker switches, removals, voter rotations and stake unit changes. It keeps
 * the ghost state the invariants need: voter accounts, timestamps, and what each member's votes were computed from.
 */
contract KaiaCouncilHandler is TestBase, VoteGhost {
    uint256 public constant UNIT = 100 ether;
    uint256 public constant MEMBERS = 6;

    CouncilRegistry public immutable registry;
    KaiaStakeVault public immutable vault;
    bool public immutable trackerMode;
    /// @notice A second tracker members may switch to.
    KaiaStakeVault public immutable otherTracker;

    CnStakingMock[] private _cn;
    address[] private _voters;
    uint256 private _accountNonce;
    /// @notice How many times each action changed state.
    mapping(bytes4 selector => uint256) public succeeded;

    constructor(bool trackerMode_) {
        trackerMode = trackerMode_;
        ICouncilRegistry.InitialMember[] memory init = new ICouncilRegistry.InitialMember[](MEMBERS);
        for (uint256 i = 0; i < MEMBERS; ++i) {
            address voter = _freshAccount();
            address[] memory nodes = new address[](1);
            nodes[0] = address(uint160(0xA0DE0000 + i));
            init[i] = ICouncilRegistry.InitialMember({
                name: "Member",
                metadataURI: "ipfs://member",
                admin: _freshAccount(),
                voter: voter,
                nodes: nodes
            });
            _voters.push(voter);
        }
        registry = new CouncilRegistry(address(this), 3, 10, 14 days, init);
        AddressBookMock book = new AddressBookMock();
        vault = new KaiaStakeVault(
            registry,
            IKaiaAddressBook(address(book)),
            trackerMode_,
            UNIT,
            1 days,
            1 days,
            address(this)
        );
        otherTracker = new KaiaStakeVault(
            registry,
            IKaiaAddressBook(address(book)),
            true,
            UNIT,
            1 days,
            1 days,
            address(this)
        );
        registry.bindStakeVault(address(vault));
        for (uint256 i = 0; i < MEMBERS; ++i) {
            CnStakingMock cn =
                i % 2 == 0
                    ? CnStakingMock(payable(address(new CnStakingV3Mock(address(this), init[i].nodes[0], i + 1))))
                    : CnStakingMock(payable(address(new CnStakingV2Mock(address(this), init[i].nodes[0], i + 1))));
            if (trackerMode_) cn.setStakingTracker(address(vault));
            cn.depositLockupStakingAndInit();
            VM.deal(address(this), 3 * UNIT);
            cn.stakeKlay{value: 3 * UNIT}();
            book.register(init[i].nodes[0], address(cn), address(this));
            vault.linkStaking(i + 1, address(cn));
            _cn.push(cn);
        }
        _touch();
    }

    // ---------------------------------------------------------------- actions

    /// @notice A member adds free stake to its CnStaking.
    function stakeKlay(uint256 memberSeed, uint256 amount) external {
        CnStakingMock cn = _cn[memberSeed % MEMBERS];
        amount = bound(amount, 1, 4 * UNIT);
        VM.deal(address(this), amount);
        cn.stakeKlay{value: amount}();
        _refreshInReadMode(cn);
        _touch();
    }

    /// @notice A member approves a withdrawal of part of its free stake.
    function approveWithdrawal(uint256 memberSeed, uint256 amount) external {
        CnStakingMock cn = _cn[memberSeed % MEMBERS];
        uint256 free = cn.staking() - cn.unstaking();
        if (free == 0) return;
        cn.approveStakingWithdrawal(address(this), bound(amount, 1, free));
        _refreshInReadMode(cn);
        _touch();
    }

    /// @notice A member cancels, or after the lockup takes out, its oldest open withdrawal.
    function settleWithdrawal(uint256 memberSeed, bool cancel) external {
        CnStakingMock cn = _cn[memberSeed % MEMBERS];
        if (cn.unstaking() == 0) return;
        for (uint256 id = 0; ; ++id) {
            try this.settleOne(cn, id, cancel) returns (bool done) {
                if (done) break;
            } catch {
                return;
            }
        }
        _refreshInReadMode(cn);
        _touch();
    }

    /// @notice Helper of {settleWithdrawal}: settles withdrawal `id` if it is open; true when it was.
    function settleOne(CnStakingMock cn, uint256 id, bool cancel) external returns (bool) {
        if (cancel) {
            try cn.cancelApprovedStakingWithdrawal(id) {
                return true;
            } catch {
                return false;
            }
        }
        VM.warp(block.timestamp + 7 days);
        try cn.withdrawApprovedStaking(id) {
            return true;
        } catch {
            return false;
        }
    }

    /// @notice Coin lands in a CnStaking without a callback (selfdestruct, rewards); anyone then refreshes it.
    function forceCoin(uint256 memberSeed, uint256 amount) external {
        CnStakingMock cn = _cn[memberSeed % MEMBERS];
        VM.deal(address(cn), address(cn).balance + bound(amount, 1, 4 * UNIT));
        vault.refreshStake(address(cn));
        _touch();
    }

    /// @notice In tracker mode a member points its CnStaking at another tracker (and back); anyone refreshes.
    function switchTracker(uint256 memberSeed) external {
        if (!trackerMode) return;
        CnStakingMock cn = _cn[memberSeed % MEMBERS];
        cn.updateStakingTracker(cn.stakingTracker() == address(vault) ? address(otherTracker) : address(vault));
        vault.refreshStake(address(cn));
        _touch();
    }

    /// @notice Time passes.
    function warp(uint256 secondsSeed) external {
        VM.warp(block.timestamp + bound(secondsSeed, 1, 4 days));
    }

    /// @notice The admin rotates the member's voter to a brand-new account.
    function rotateVoter(uint256 memberSeed) external {
        uint256 id = (memberSeed % MEMBERS) + 1;
        (address admin, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
        if (status != ICouncilRegistry.MemberStatus.Active) return;
        address newVoter = _freshAccount();
        VM.prank(admin);
        registry.proposeVoter(id, newVoter);
        VM.prank(newVoter);
        registry.acceptVoter(id);
        _voters.push(newVoter);
        _touch();
    }

    /// @notice Governance removes a member while the council and its eligible members stay above the minimum.
    function remove(uint256 memberSeed) external {
        uint256 id = (memberSeed % MEMBERS) + 1;
        if (!registry.isActive(id) || registry.activeMemberCount() <= registry.minMembers()) return;
        try registry.remove(id) {
            _touch();
        } catch {
            return;
        }
    }

    /// @notice Governance changes the stake unit.
    function setStakeUnit(uint256 unitSeed) external {
        try vault.setStakeUnit(bound(unitSeed, UNIT / 2, 2 * UNIT)) {
            _touch();
        } catch {
            return;
        }
    }

    /// @notice Coin paid out by withdrawals lands here.
    receive() external payable {}

    // ---------------------------------------------------------------- ghost state

    /// @notice Every voter account that ever held or could hold votes.
    function voters() external view returns (address[] memory) {
        return _voters;
    }

    /// @notice The members' CnStaking contracts, by member id − 1.
    function staking(uint256 index) external view returns (CnStakingMock) {
        return _cn[index];
    }

    /// @notice The selectors the invariant runner may call.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](9);
        selectors[0] = this.stakeKlay.selector;
        selectors[1] = this.approveWithdrawal.selector;
        selectors[2] = this.settleWithdrawal.selector;
        selectors[3] = this.forceCoin.selector;
        selectors[4] = this.switchTracker.selector;
        selectors[5] = this.warp.selector;
        selectors[6] = this.rotateVoter.selector;
        selectors[7] = this.remove.selector;
        selectors[8] = this.setStakeUnit.selector;
    }

    // ---------------------------------------------------------------- internals

    /// @dev Read mode: the CnStaking reports to Kaia's tracker, so the member (or a keeper) refreshes.
    function _refreshInReadMode(CnStakingMock cn) private {
        if (!trackerMode) vault.refreshStake(address(cn));
    }

    function _freshAccount() private returns (address account) {
        account = address(uint160(0xC0DE0000 + ++_accountNonce));
    }

    function _touch() private {
        ++succeeded[msg.sig];
        _recordVotes(registry, vault);
    }
}
